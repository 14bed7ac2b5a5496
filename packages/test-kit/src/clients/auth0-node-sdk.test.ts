import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { oauthRoRouter } from '@oauth-ro/express';
import express from 'express';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, uniqueEmail } from '@oauth-ro/conformance';
import { createTestOAuthRo, type TestOAuthRo } from '@oauth-ro/conformance';
import { DB_CONNECTION, TEST_CLIENTS, testConfig } from '@oauth-ro/conformance';
import { makeTestCertificate, type TestCertificate } from '../launchers/make-test-certificate.js';
import { startTlsFront, type TlsFront } from '../launchers/tls-front.js';

const SDK_CLIENT = fileURLToPath(new URL('./auth0-sdk-v2-client.mjs', import.meta.url));

/**
 * The `auth0` Node SDK v2 (2.9.1), unmodified, in its own Node process, against oauth-ro (Express)
 * behind real TLS: sign-up, `/oauth/ro` with offline_access and a device, then
 * `tokens.getDelegationToken` with the refresh token, and with an unknown one.
 */
describe('auth0 Node SDK v2: tokens.getDelegationToken with a refresh token', () => {
  let cert: TestCertificate;
  let front: TlsFront;
  let server: Server;
  let test: TestOAuthRo;

  beforeAll(async () => {
    cert = await makeTestCertificate();
    let port = 0;
    front = await startTlsFront({ cert: cert.cert, key: cert.key, target: () => ({ host: '127.0.0.1', port }) });
    test = await createTestOAuthRo({ config: { ...testConfig(), issuer: `${front.url}/` } });
    const app = express();
    app.use(oauthRoRouter(test.oauthRo));
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await front?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('signs up, logs in with offline_access and a device, and delegates with the refresh token', async () => {
    const email = uniqueEmail('sdk');
    // The RS256 test client is confidential: its secret goes with the refresh token, as at /oauth/token.
    const args = { domain: front.domain, client_id: TEST_CLIENTS.rs256, client_secret: 'rs256-client-secret-value', connection: DB_CONNECTION, email, password: GOOD_PASSWORD };
    const { stdout } = await promisify(execFile)(process.execPath, [SDK_CLIENT, JSON.stringify(args)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: cert.certPath },
      timeout: 30_000,
    });
    const result = JSON.parse(stdout) as Record<'signup' | 'login' | 'delegated' | 'unknown', Record<string, string>>;

    expect(result.signup.email).toBe(email);
    expect(result.login.refresh_token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(result.delegated).toEqual({ id_token: expect.any(String), token_type: 'Bearer', expires_in: 36000 });
    const jwks = createLocalJWKSet(test.oauthRo.jwks() as never);
    const { payload } = await jwtVerify(result.delegated.id_token!, jwks, { issuer: test.oauthRo.issuer, audience: TEST_CLIENTS.rs256 });
    expect(payload.sub).toBe(decodeJwt(result.login.id_token!).sub);
    expect(payload.email).toBe(email);
    // SDK v2 resolves delegation answers whatever their status: the body is Auth0's 403 error.
    expect(result.unknown).toEqual({ error: 'access_denied', error_description: 'Unknown or invalid refresh token' });
  });
});
