// One call of the `auth0` Node SDK v2, unmodified, as an app makes it: argv[2] is
// `{"domain", "clientId", "method": "database.changePassword" (or "requestMagicLink"), "args": {...}}`; stdout gets
// `{"ok": true, "value"}` or `{"ok": false, "error": {name, message, statusCode}}`. Started with
// NODE_EXTRA_CA_CERTS naming the test certificate, so TLS verification stays on.
import auth0 from 'auth0';

const { domain, clientId, method, args } = JSON.parse(process.argv[2]);
const client = new auth0.AuthenticationClient({ domain, clientId });
const ALLOWED = new Set(['database.changePassword', 'database.requestChangePasswordEmail', 'database.signUp', 'oauth.signIn', 'requestMagicLink']);
let answer;
try {
  if (!ALLOWED.has(method)) throw new Error(`unknown method ${method}`);
  const [area, name] = method.split('.');
  // Top-level helpers (`requestMagicLink`) have no area.
  const value = name === undefined ? await client[area](args) : await client[area][name](args);
  answer = { ok: true, value: value ?? null };
} catch (error) {
  answer = { ok: false, error: { name: error.name, message: error.message, statusCode: error.statusCode } };
}
process.stdout.write(`${JSON.stringify(answer)}\n`);
