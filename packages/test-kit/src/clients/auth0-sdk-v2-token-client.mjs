// Runs the `auth0` Node SDK v2 (2.44.1, its last release: 2.9.1 has no refreshToken), unmodified, against /oauth/token: passwordGrant (password and
// password-realm), refreshToken and clientCredentialsGrant. One JSON argument in, one JSON line out.
// Started with NODE_EXTRA_CA_CERTS pointing at the test certificate (TLS verification stays on).
import auth0 from 'auth0-v2';

const { domain, app, backend, realm, email, password, audience } = JSON.parse(process.argv[2]);

/** An SDK rejection as data: the status and Auth0 error body the SDK read. */
function failure(error) {
  let body;
  try {
    body = JSON.parse(error.message);
  } catch {
    body = error.message;
  }
  return { statusCode: error.statusCode, body };
}

try {
  const client = new auth0.AuthenticationClient({ domain, clientId: app.client_id, clientSecret: app.client_secret });
  const password_grant = await client.passwordGrant({ username: email, password, scope: 'openid email offline_access' });
  const realm_grant = await client.passwordGrant({ username: email, password, realm, scope: 'openid offline_access', audience });
  const refreshed = await client.refreshToken({ refresh_token: realm_grant.refresh_token });
  const wrong_password = await client.passwordGrant({ username: email, password: 'Not-the-passw0rd', realm }).then(() => 'accepted', failure);
  const m2m = new auth0.AuthenticationClient({ domain, clientId: backend.client_id, clientSecret: backend.client_secret });
  const client_credentials = await m2m.clientCredentialsGrant({ audience, scope: 'read:notes' });
  process.stdout.write(`${JSON.stringify({ password_grant, realm_grant, refreshed, wrong_password, client_credentials })}\n`);
} catch (error) {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
}
