// Runs the `auth0` Node SDK v2, unmodified, as an app would: one JSON argument in, one JSON line out.
// Started by auth0-node-sdk.test.ts with NODE_EXTRA_CA_CERTS pointing at the test certificate, so
// TLS verification stays on and trusts only what Node's standard mechanism adds.
import auth0 from 'auth0';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
// `login_email`, when given, logs in an existing user instead of the one signed up.
const { domain, client_id, client_secret, connection, email, password, login_email } = JSON.parse(process.argv[2]);
// A confidential client authenticates to redeem its refresh token: the SDK sends extra fields as they are.
const secret = client_secret === undefined ? {} : { client_secret };
const client = new auth0.AuthenticationClient({ domain, clientId: client_id });

try {
  const signup = await client.database.signUp({ email, password, connection });
  const login = await client.oauth.signIn({
    username: login_email ?? email,
    password,
    connection,
    scope: 'openid offline_access',
    device: 'sdk-test-device',
  });
  const delegated = await client.tokens.getDelegationToken({
    refresh_token: login.refresh_token,
    target: client_id,
    api_type: 'app',
    grant_type: JWT_BEARER,
    scope: 'openid email',
    ...secret,
  });
  const unknown = await client.tokens.getDelegationToken({
    refresh_token: 'not-a-refresh-token-we-issued-0000000000000',
    target: client_id,
    api_type: 'app',
    grant_type: JWT_BEARER,
    ...secret,
  });
  process.stdout.write(`${JSON.stringify({ signup, login, delegated, unknown })}\n`);
} catch (error) {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
}
