// Runs openid-client v6, unmodified, against oauth-ro's discovery document and token endpoint:
// the password-realm grant (genericGrantRequest; the library checks the ID token's claims),
// refreshTokenGrant with client_secret_post, and clientCredentialsGrant with client_secret_basic.
// One JSON argument in, one JSON line out; NODE_EXTRA_CA_CERTS trusts the test certificate.
import * as oidc from 'openid-client';

const { issuer, app, backend, realm, email, password, audience } = JSON.parse(process.argv[2]);

try {
  const config = await oidc.discovery(new URL(issuer), app.client_id, app.client_secret);
  const metadata = config.serverMetadata();
  const login = await oidc.genericGrantRequest(config, 'http://auth0.com/oauth/grant-type/password-realm', {
    username: email,
    password,
    realm,
    scope: 'openid email offline_access',
  });
  const claims = login.claims();
  const refreshed = await oidc.refreshTokenGrant(config, login.refresh_token);
  const m2mConfig = await oidc.discovery(new URL(issuer), backend.client_id, undefined, oidc.ClientSecretBasic(backend.client_secret));
  const m2m = await oidc.clientCredentialsGrant(m2mConfig, { audience, scope: 'read:notes' });
  process.stdout.write(
    `${JSON.stringify({
      token_endpoint: metadata.token_endpoint,
      login: { ...login, claims },
      refreshed: { ...refreshed },
      client_credentials: { ...m2m },
    })}\n`,
  );
} catch (error) {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)} ${error && error.cause ? JSON.stringify(error.cause) : ''}\n`);
  process.exit(1);
}
