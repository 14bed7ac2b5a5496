// Drives the `auth0` Node SDK v2, unmodified, as an app would, one call at a time: each stdin line
// is `{"id", "method": "passwordless.sendSMS", "args": {...}}`, each stdout line the answer
// `{"id", "ok": true, "value"}` or `{"id", "ok": false, "error": {name, message, statusCode}}`.
// Started by start-sdk-driver.ts with NODE_EXTRA_CA_CERTS pointing at the test certificate, so TLS
// verification stays on and trusts only what Node's standard mechanism adds.
import { createInterface } from 'node:readline';
import auth0 from 'auth0';

const { domain, clientId } = JSON.parse(process.argv[2]);
const client = new auth0.AuthenticationClient({ domain, clientId });
const ALLOWED = new Set(['passwordless.sendSMS', 'passwordless.sendEmail', 'passwordless.signIn', 'oauth.signIn']);

for await (const line of createInterface({ input: process.stdin })) {
  const { id, method, args } = JSON.parse(line);
  let answer;
  try {
    if (!ALLOWED.has(method)) throw new Error(`unknown method ${method}`);
    const [area, name] = method.split('.');
    const value = await client[area][name](args);
    answer = { id, ok: true, value };
  } catch (error) {
    answer = { id, ok: false, error: { name: error.name, message: error.message, statusCode: error.statusCode } };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
