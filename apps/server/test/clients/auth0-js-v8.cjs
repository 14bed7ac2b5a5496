// Drives auth0.js v8, unmodified, against an oauth-ro server behind https, and prints what each
// call returned as one JSON line. Run in its own process because auth0.js (superagent 3) opens a
// fresh https agent per request, so the test certificate can only be trusted the way an operator
// would trust it: NODE_EXTRA_CA_CERTS, read by Node at start-up.
//
// env: AUTH0_DOMAIN (host:port), AUTH0_CLIENT_ID, AUTH0_CONNECTION, USER_EMAIL, USER_PASSWORD
'use strict';
const auth0 = require('auth0-js');

const env = process.env;
const auth = new auth0.Authentication({ domain: env.AUTH0_DOMAIN, clientID: env.AUTH0_CLIENT_ID });

function call(fn) {
  return new Promise((resolve) => fn((error, result) => resolve(error ? { error } : { result })));
}

async function main() {
  const connection = env.AUTH0_CONNECTION;
  const signup = await call((cb) => auth.dbConnection.signup({ email: env.USER_EMAIL, password: env.USER_PASSWORD, connection }, cb));
  const login = await call((cb) =>
    auth.loginWithResourceOwner({ username: env.USER_EMAIL, password: env.USER_PASSWORD, connection, scope: 'openid email' }, cb),
  );
  const userInfo = login.result ? await call((cb) => auth.userInfo(login.result.accessToken, cb)) : { skipped: true };
  const wrongPassword = await call((cb) =>
    auth.loginWithResourceOwner({ username: env.USER_EMAIL, password: 'Not-the-passw0rd', connection }, cb),
  );
  const strip = (outcome) =>
    outcome.error
      ? { error: { statusCode: outcome.error.statusCode, code: outcome.error.code, description: outcome.error.description } }
      : outcome;
  process.stdout.write(`${JSON.stringify({ signup: strip(signup), login: strip(login), userInfo: strip(userInfo), wrongPassword: strip(wrongPassword) })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
