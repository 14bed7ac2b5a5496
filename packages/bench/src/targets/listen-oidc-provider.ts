import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import type { Listening } from './listening.js';
import { packageVersion } from './package-version.js';
import type { BenchFixtures } from './protocol.js';

const CLIENT_ID = 'bench-client-credentials';
const CLIENT_SECRET = 'bench-client-credentials-secret-0123456789';
const RESOURCE = 'urn:oauth-ro:bench:api';
/** The peers run's refresh_token grant: a confidential client (not rotated: see `rotateRefreshToken`). */
const REFRESH_CLIENT_ID = 'bench-refresh';
const REFRESH_CLIENT_SECRET = 'bench-refresh-secret-0123456789-0123456789';
const ACCOUNT_ID = 'bench-user';

/**
 * node-oidc-provider on its closest equivalent of a non-hashing token path: the client_credentials
 * grant (client_secret_basic, a plain secret compare) issuing an RS256 JWT access token for a
 * resource server, with the provider's default in-memory adapter.
 *
 * @example const { server, fixtures } = await listenOidcProvider();
 */
export async function listenOidcProvider(): Promise<{ server: Listening; fixtures: BenchFixtures }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'bench-rs256' };
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: REFRESH_CLIENT_ID,
        client_secret: REFRESH_CLIENT_SECRET,
        grant_types: ['authorization_code', 'refresh_token'],
        redirect_uris: ['https://bench.oauth-ro.test/callback'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // The same profile claims as oauth-ro's bench user, from memory (no store behind either).
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: 'bench-user@example.com', email_verified: true, name: 'Bench User', nickname: 'bench' }),
    }),
    jwks: { keys: [jwk] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'api',
          audience: RESOURCE,
          accessTokenTTL: 36000,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  });
  http.on('request', provider.callback());
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const authorization = basic(CLIENT_ID, CLIENT_SECRET);
  const refreshToken = await seedRefreshToken(provider);
  return {
    server: { port, close: () => new Promise((resolve) => http.close(() => resolve())) },
    fixtures: {
      issuer,
      loginBody: {},
      loginBodies: [],
      accessToken: '',
      idToken: '',
      clientCredentials: { body: 'grant_type=client_credentials&scope=api', authorization },
      refreshTokenGrant: {
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
        authorization: basic(REFRESH_CLIENT_ID, REFRESH_CLIENT_SECRET),
      },
      version: packageVersion('oidc-provider'),
    },
  };
}

/**
 * A refresh token as oidc-provider's authorization_code grant would leave it: a Grant of `openid
 * offline_access` plus the bench API's `api` scope, and a RefreshToken of that grant for the API, so
 * that redeeming it issues an RS256 JWT access token and an id_token (as oauth-ro's refresh does).
 */
async function seedRefreshToken(provider: Provider): Promise<string> {
  const grant = new provider.Grant({ accountId: ACCOUNT_ID, clientId: REFRESH_CLIENT_ID });
  grant.addOIDCScope('openid offline_access');
  grant.addResourceScope(RESOURCE, 'api');
  const grantId = await grant.save();
  const client = await provider.Client.find(REFRESH_CLIENT_ID);
  if (!client) throw new Error('oidc-provider lost the bench refresh client');
  const token = new provider.RefreshToken({
    accountId: ACCOUNT_ID,
    client,
    grantId,
    gty: 'authorization_code',
    authTime: Math.floor(Date.now() / 1000),
    scope: 'openid offline_access api',
    resource: RESOURCE,
  });
  return token.save();
}
