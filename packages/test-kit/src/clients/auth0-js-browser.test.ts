import { createHash, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { oauthRoRouter } from '@oauth-ro/express';
import express from 'express';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { chromium as playwright, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANT_CLIENTS as C, GRANTS_CONNECTION, grantsConfig, NOTES_API } from '@oauth-ro/conformance';
import { GOOD_PASSWORD, uniqueEmail } from '@oauth-ro/conformance';
import { createTestOAuthRo, type TestOAuthRo } from '@oauth-ro/conformance';
import { findChromium } from '../launchers/find-chromium.js';
import { makeTestCertificate, type TestCertificate } from '../launchers/make-test-certificate.js';
import { startTlsFront, type TlsFront } from '../launchers/tls-front.js';

const chromium = findChromium();
if (!chromium.ok) console.warn(`@oauth-ro/test-kit: SKIPPING the auth0.js browser test: ${chromium.reason}`);
const AUTH0_JS = createRequire(import.meta.url).resolve('auth0-js/dist/auth0.min.js');

/** A page with auth0.js as published, served from oauth-ro's own origin. */
const PAGE = '<!doctype html><meta charset="utf-8"><title>auth0.js v9</title><script src="/auth0.min.js"></script>';

/** Chromium trusts exactly this certificate's key: verification stays on for everything else. */
function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/**
 * auth0.js v9 (9.32.0), unmodified, in Debian's headless Chromium over real TLS: a single-page app
 * (public client) logs in with `WebAuth.client.login` (the password-realm grant at /oauth/token),
 * with and without an API audience, and reads Auth0's error for a wrong password.
 */
describe.skipIf(!chromium.ok)('auth0.js v9 client.login in headless Chromium', () => {
  let cert: TestCertificate;
  let front: TlsFront;
  let server: Server;
  let test: TestOAuthRo;
  let browser: Browser;
  let httpPort = 0;

  beforeAll(async () => {
    cert = await makeTestCertificate();
    front = await startTlsFront({ cert: cert.cert, key: cert.key, target: () => ({ host: '127.0.0.1', port: httpPort }) });
    test = await createTestOAuthRo({ config: { ...grantsConfig(), issuer: `${front.url}/` } });
    const app = express();
    app.get('/', (_req, res) => res.type('html').send(PAGE));
    app.get('/auth0.min.js', (_req, res) => res.sendFile(AUTH0_JS, { dotfiles: 'allow' }));
    app.use(oauthRoRouter(test.oauthRo));
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    httpPort = (server.address() as AddressInfo).port;
    browser = await playwright.launch({
      executablePath: chromium.ok ? chromium.path : undefined,
      headless: true,
      timeout: 30_000,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', `--ignore-certificate-errors-spki-list=${spkiHash(cert.cert)}`],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await front?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await test?.oauthRo.close();
  });

  it('logs a user in through /oauth/token password-realm, for the userinfo audience and for an API', async () => {
    const email = uniqueEmail('auth0js');
    const signup = await fetch(`http://127.0.0.1:${httpPort}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: C.spa, connection: GRANTS_CONNECTION, email, password: GOOD_PASSWORD }),
    });
    expect(signup.status).toBe(200);

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    await page.goto(`${front.url}/`);
    const login = (options: Record<string, string>) =>
      page.evaluate(
        ({ domain, clientID, options }) =>
          new Promise<{ err: unknown; result: unknown }>((resolve) => {
            const webAuth = new (window as any).auth0.WebAuth({ domain, clientID, responseType: 'token id_token' });
            webAuth.client.login(options, (err: unknown, result: unknown) => resolve({ err, result }));
          }),
        { domain: front.domain, clientID: C.spa, options },
      );

    const plain = await login({ username: email, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION, scope: 'openid email' });
    expect(plain.err).toBeNull();
    const tokens = plain.result as Record<string, string>;
    expect(tokens).toMatchObject({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer', expiresIn: 36000 });
    const jwks = createLocalJWKSet(test.oauthRo.jwks() as never);
    const { payload } = await jwtVerify(tokens.idToken!, jwks, { issuer: test.oauthRo.issuer, audience: C.spa });
    expect(payload.email).toBe(email);

    const api = await login({ username: email, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION, audience: NOTES_API, scope: 'openid read:notes' });
    const apiToken = (api.result as Record<string, string>).accessToken!;
    expect((await jwtVerify(apiToken, jwks, { issuer: test.oauthRo.issuer, audience: NOTES_API })).payload.scope).toBe('openid read:notes');

    const wrong = await login({ username: email, password: 'Not-the-passw0rd', realm: GRANTS_CONNECTION });
    expect(wrong.err).toMatchObject({ statusCode: 403, code: 'invalid_grant', description: 'Wrong email or password.' });
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual(Array(3).fill(`POST ${front.url}/oauth/token`));
    await page.close();
  });
});
