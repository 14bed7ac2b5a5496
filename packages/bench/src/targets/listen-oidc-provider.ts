import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import type { Listening } from './listening.js';
import type { BenchFixtures } from './protocol.js';

const CLIENT_ID = 'bench-client-credentials';
const CLIENT_SECRET = 'bench-client-credentials-secret-0123456789';
const RESOURCE = 'urn:oauth-ro:bench:api';

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
    ],
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
  const authorization = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
  return {
    server: { port, close: () => new Promise((resolve) => http.close(() => resolve())) },
    fixtures: {
      issuer,
      loginBody: {},
      loginBodies: [],
      accessToken: '',
      idToken: '',
      clientCredentials: { body: 'grant_type=client_credentials&scope=api', authorization },
    },
  };
}
