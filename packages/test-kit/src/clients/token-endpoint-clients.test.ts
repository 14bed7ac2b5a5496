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
import {
  BACKEND_SECRET,
  CONFIDENTIAL_SECRET,
  GRANT_CLIENTS as C,
  GRANTS_CONNECTION,
  grantsConfig,
  MODERN_SECRET,
  NOTES_API,
} from '@oauth-ro/conformance';
import { GOOD_PASSWORD, uniqueEmail } from '@oauth-ro/conformance';
import { createTestOAuthRo, type TestOAuthRo } from '@oauth-ro/conformance';
import { makeTestCertificate, type TestCertificate } from '../launchers/make-test-certificate.js';
import { startTlsFront, type TlsFront } from '../launchers/tls-front.js';

const script = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
const OLD_APP = { client_id: C.confidential, client_secret: CONFIDENTIAL_SECRET };
const NEW_APP = { client_id: C.modern, client_secret: MODERN_SECRET };
const BACKEND = { client_id: C.backend, client_secret: BACKEND_SECRET };

/**
 * Real client libraries from npm, unmodified, each in its own Node process, against oauth-ro
 * (Express) behind real TLS: the `auth0` Node SDK v2 (2.44.1) and v6 (6.2.0, the newest major with
 * the Authentication API that runs on Node 20: 7.x ships only the Management API), and
 * openid-client 6.9.0 through the discovery document. One user base serves both generations.
 */
describe('/oauth/token with real client libraries', () => {
  let cert: TestCertificate;
  let front: TlsFront;
  let server: Server;
  let test: TestOAuthRo;
  let httpPort = 0;

  beforeAll(async () => {
    cert = await makeTestCertificate();
    front = await startTlsFront({ cert: cert.cert, key: cert.key, target: () => ({ host: '127.0.0.1', port: httpPort }) });
    test = await createTestOAuthRo({ config: { ...grantsConfig(), issuer: `${front.url}/` } });
    const app = express();
    app.use(oauthRoRouter(test.oauthRo));
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    httpPort = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await front?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await test?.oauthRo.close();
  });

  async function run<T>(name: string, args: Record<string, unknown>): Promise<T> {
    const { stdout } = await promisify(execFile)(process.execPath, [script(name), JSON.stringify(args)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: cert.certPath },
      timeout: 30_000,
    });
    return JSON.parse(stdout) as T;
  }

  async function signUp(): Promise<string> {
    const email = uniqueEmail('clients');
    const res = await fetch(`http://127.0.0.1:${httpPort}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: C.confidential, connection: GRANTS_CONNECTION, email, password: GOOD_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return email;
  }

  async function verify(token: string, audience: string) {
    return (await jwtVerify(token, createLocalJWKSet(test.oauthRo.jwks() as never), { issuer: test.oauthRo.issuer, audience })).payload;
  }

  it('one user: the old app logs in at /oauth/ro and refreshes at /delegation, the new app logs in with password-realm and refreshes at /oauth/token', async () => {
    const email = await signUp();
    type Old = Record<'login' | 'delegated', Record<string, string>>;
    const old = await run<Old & { signup: unknown }>('auth0-sdk-v2-client.mjs', {
      domain: front.domain,
      client_id: OLD_APP.client_id,
      // A confidential client authenticates to redeem its refresh token at /delegation (docs/spec.md §5.1).
      client_secret: OLD_APP.client_secret,
      connection: GRANTS_CONNECTION,
      email: uniqueEmail('unused'),
      password: GOOD_PASSWORD,
      login_email: email,
    });
    const modern = await run<Record<'login' | 'refreshed', Record<string, string>>>('auth0-sdk-v6-token-client.mjs', {
      domain: front.domain,
      app: NEW_APP,
      backend: BACKEND,
      realm: GRANTS_CONNECTION,
      email,
      password: GOOD_PASSWORD,
      audience: NOTES_API,
    });
    const oldSub = decodeJwt(old.login.id_token!).sub;
    expect(oldSub).toMatch(/^auth0\|/);
    expect((await verify(old.delegated.id_token!, OLD_APP.client_id)).sub).toBe(oldSub);
    expect((await verify(modern.login.id_token!, NEW_APP.client_id)).sub).toBe(oldSub);
    expect((await verify(modern.refreshed.access_token!, `${test.oauthRo.issuer}userinfo`)).sub).toBe(oldSub);
    expect(modern.refreshed.id_token).toEqual(expect.any(String));
  });

  it('auth0 SDK v2: passwordGrant (default directory and realm, with an API audience), refreshToken, clientCredentialsGrant, and Auth0’s error for a wrong password', async () => {
    const email = await signUp();
    const result = await run<Record<string, Record<string, unknown>>>('auth0-sdk-v2-token-client.mjs', {
      domain: front.domain,
      app: OLD_APP,
      backend: BACKEND,
      realm: GRANTS_CONNECTION,
      email,
      password: GOOD_PASSWORD,
      audience: NOTES_API,
    });
    expect(result.password_grant).toMatchObject({ token_type: 'Bearer', scope: 'openid email offline_access', refresh_token: expect.any(String) });
    const api = await verify(result.realm_grant!.access_token as string, NOTES_API);
    expect(api.aud).toEqual([NOTES_API, `${test.oauthRo.issuer}userinfo`]);
    expect(result.refreshed).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    expect(result.wrong_password).toMatchObject({ statusCode: 403, body: { error: 'invalid_grant', error_description: 'Wrong email or password.' } });
    const m2m = await verify(result.client_credentials!.access_token as string, NOTES_API);
    expect(m2m).toMatchObject({ sub: `${C.backend}@clients`, scope: 'read:notes', gty: 'client-credentials' });
  });

  it('auth0 SDK v6: oauth.passwordGrant with realm (ID token validated by the SDK), refreshTokenGrant, clientCredentialsGrant', async () => {
    const email = await signUp();
    const result = await run<Record<string, Record<string, unknown>>>('auth0-sdk-v6-token-client.mjs', {
      domain: front.domain,
      app: NEW_APP,
      backend: BACKEND,
      realm: GRANTS_CONNECTION,
      email,
      password: GOOD_PASSWORD,
      audience: NOTES_API,
    });
    expect(decodeJwt(result.login!.id_token as string).email).toBe(email);
    expect(result.refreshed).toMatchObject({ access_token: expect.any(String), id_token: expect.any(String), token_type: 'Bearer' });
    expect(result.wrong_password).toMatchObject({ statusCode: 403, error: 'invalid_grant', error_description: 'Wrong email or password.' });
    expect(result.client_credentials).toMatchObject({ token_type: 'Bearer', scope: 'read:notes write:notes', expires_in: 7200 });
  });

  it('openid-client: discovery → password-realm (ID token claims checked), refresh with client_secret_post, client_credentials with client_secret_basic', async () => {
    const email = await signUp();
    const result = await run<Record<string, any>>('openid-client-token-client.mjs', {
      issuer: `${front.url}/`,
      app: NEW_APP,
      backend: BACKEND,
      realm: GRANTS_CONNECTION,
      email,
      password: GOOD_PASSWORD,
      audience: NOTES_API,
    });
    expect(result.token_endpoint).toBe(`${front.url}/oauth/token`);
    expect(result.login.claims).toMatchObject({ iss: `${front.url}/`, aud: C.modern, email });
    expect(result.refreshed.access_token).toEqual(expect.any(String));
    expect(decodeJwt(result.client_credentials.access_token)).toMatchObject({ aud: NOTES_API, scope: 'read:notes' });
  });
});
