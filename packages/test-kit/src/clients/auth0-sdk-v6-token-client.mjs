// Runs the `auth0` Node SDK v6 (the newest major with the Authentication API; v7 ships only the
// Management API), unmodified, against /oauth/token: oauth.passwordGrant with a realm (its ID token
// checked by the SDK against JWKS), oauth.refreshTokenGrant and oauth.clientCredentialsGrant.
// One JSON argument in, one JSON line out; NODE_EXTRA_CA_CERTS trusts the test certificate.
import { AuthenticationClient } from 'auth0-v6';

const { domain, app, backend, realm, email, password, audience } = JSON.parse(process.argv[2]);

function failure(error) {
  return { statusCode: error.statusCode, error: error.error, error_description: error.error_description };
}

try {
  const client = new AuthenticationClient({ domain, clientId: app.client_id, clientSecret: app.client_secret });
  const login = (await client.oauth.passwordGrant({ username: email, password, realm, scope: 'openid email offline_access' })).data;
  const refreshed = (await client.oauth.refreshTokenGrant({ refresh_token: login.refresh_token })).data;
  const wrong_password = await client.oauth.passwordGrant({ username: email, password: 'Not-the-passw0rd', realm }).then(() => 'accepted', failure);
  const m2m = new AuthenticationClient({ domain, clientId: backend.client_id, clientSecret: backend.client_secret });
  const client_credentials = (await m2m.oauth.clientCredentialsGrant({ audience })).data;
  process.stdout.write(`${JSON.stringify({ login, refreshed, wrong_password, client_credentials })}\n`);
} catch (error) {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
}
