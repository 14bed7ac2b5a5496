// Drives the auth0 Node SDK v2 (AuthenticationClient), unmodified, against an oauth-ro server behind
// https, and prints what each call returned as one JSON line. Run in its own process because the
// SDK's sign-up path (rest-facade/superagent) opens a fresh https agent per request, so the test
// certificate is trusted the way an operator would trust it: NODE_EXTRA_CA_CERTS, read at start-up.
// signIn also verifies the id_token: signature (JWKS over https, or the HS256 secret), iss, aud, exp.
//
// env: AUTH0_DOMAIN (host:port), AUTH0_CONNECTION, USER_EMAIL, USER_PASSWORD,
//      RS256_CLIENT_ID, HS256_CLIENT_ID, HS256_CLIENT_SECRET
'use strict';
const { AuthenticationClient } = require('auth0');

const env = process.env;

async function outcome(promise) {
  try {
    return { result: await promise };
  } catch (error) {
    return { error: { name: error.name, statusCode: error.statusCode, message: error.message } };
  }
}

async function main() {
  const connection = env.AUTH0_CONNECTION;
  const rs256 = new AuthenticationClient({ domain: env.AUTH0_DOMAIN, clientId: env.RS256_CLIENT_ID });
  const hs256 = new AuthenticationClient({
    domain: env.AUTH0_DOMAIN,
    clientId: env.HS256_CLIENT_ID,
    clientSecret: env.HS256_CLIENT_SECRET,
  });
  const credentials = { username: env.USER_EMAIL, password: env.USER_PASSWORD, connection };

  const signUp = await outcome(rs256.database.signUp({ email: env.USER_EMAIL, password: env.USER_PASSWORD, connection }));
  const signIn = await outcome(rs256.database.signIn({ ...credentials, scope: 'openid email' }));
  const tokenInfo = signIn.result ? await outcome(rs256.tokens.getInfo(signIn.result.id_token)) : { skipped: true };
  const userInfo = signIn.result ? await outcome(rs256.users.getInfo(signIn.result.access_token)) : { skipped: true };
  const signInHs256 = await outcome(hs256.database.signIn(credentials));
  const wrongPassword = await outcome(rs256.database.signIn({ ...credentials, password: 'Not-the-passw0rd' }));
  process.stdout.write(`${JSON.stringify({ signUp, signIn, tokenInfo, userInfo, signInHs256, wrongPassword })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
