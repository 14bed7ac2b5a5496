import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestCertificate, startFakeTwilio, startTlsFront, type FakeTwilio, type TlsFront } from '@oauth-ro/test-kit';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.js';
import { bundleClients } from './legacy-clients/bundle-clients.js';
import { servePages, type PageServer } from './legacy-clients/serve-pages.js';
import { freePort, startDemoServer, type DemoServer } from './start-demo-server.js';

/**
 * The real legacy browser clients, unmodified from npm (auth0.js 7.6.1, 8.12.3 and 9.32.0, Lock
 * 10.24.3, Lock Passwordless 2.2.3), on a page served from ANOTHER origin than the server, as a
 * real deployment has it: every call is cross-origin and goes through the server's CORS. The
 * server runs behind a TLS front (the SDKs always call https://{domain}), the page on plain http.
 * Screenshots of each step go to test-output/legacy-clients/ (gitignored).
 */

const OUTPUT = fileURLToPath(new URL('../test-output/legacy-clients/', import.meta.url));
const PASSWORD = 'Legacy-passw0rd';
const CLIENT_ID = 'legacy-spa';
const DB = 'Username-Password-Authentication';
const chromium = findChromium();
if (!chromium.ok) console.warn(`@oauth-ro/demo-web: SKIPPING the legacy clients browser test: ${chromium.reason}`);

let temp: string;
let twilio: FakeTwilio;
let front: TlsFront;
let server: DemoServer;
let pages: PageServer;
/** The same pages on an origin no client lists. */
let strangers: PageServer;
let browser: Browser;

function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

beforeAll(async () => {
  if (!chromium.ok) return;
  temp = await mkdtemp(join(tmpdir(), 'oauth-ro-legacy-clients-'));
  await mkdir(OUTPUT, { recursive: true });
  await bundleClients(join(temp, 'lib'));
  pages = await servePages(join(temp, 'lib'));
  strangers = await servePages(join(temp, 'lib'));
  twilio = await startFakeTwilio();
  const certificate = await makeTestCertificate(temp);
  const port = await freePort();
  front = await startTlsFront({ cert: certificate.cert, key: certificate.key, target: { host: '127.0.0.1', port } });
  const config = join(temp, 'oauth-ro.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: `${front.url}/`,
      clients: [
        {
          client_id: CLIENT_ID,
          name: 'Legacy SPA',
          allowed_origins: [pages.origin],
          allowed_logout_urls: [`${pages.origin}/signed-out`],
        },
      ],
      connections: [
        { name: DB, strategy: 'auth0', enabled_clients: [CLIENT_ID], options: { passwordPolicy: 'fair' } },
        {
          name: 'sms',
          strategy: 'sms',
          enabled_clients: [CLIENT_ID],
          options: {
            provider: 'twilio',
            twilio_sid: 'env:TWILIO_SID',
            twilio_token: 'env:TWILIO_TOKEN',
            twilio_base_url: twilio.baseUrl,
            from: '+15550100000',
            template: 'Your code is @@password@@',
          },
        },
      ],
    }),
  );
  server = await startDemoServer({
    PORT: String(port),
    OAUTH_RO_CONFIG: config,
    OAUTH_RO_DATABASE: `sqlite:${join(temp, 'oauth-ro.db')}`,
    TWILIO_SID: twilio.accountSid,
    TWILIO_TOKEN: twilio.authToken,
  });
  browser = await playwright.launch({
    executablePath: chromium.path,
    headless: true,
    timeout: 30_000,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-dev-shm-usage',
      `--ignore-certificate-errors-spki-list=${spkiHash(certificate.cert)}`,
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await front?.close();
  await twilio?.close();
  await pages?.close();
  await strangers?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

/** A page of `lib` on the pages' origin, recording requests, failed requests and script errors. */
async function openPage(lib: string, site: PageServer = pages): Promise<{ page: Page; requests: string[]; failures: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  // Lock also reaches for Auth0's CDN (its badge) and Gravatar: unreachable here, and not ours to judge.
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (url.startsWith(`${front.url}/`) || url.startsWith(`${site.origin}/`)) failures.push(`${request.method()} ${url}: ${request.failure()?.errorText}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('ERR_NAME_NOT_RESOLVED')) errors.push(`console: ${message.text()}`);
  });
  const response = await page.goto(`${site.origin}/${lib}.html`);
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).origin).not.toBe(front.url);
  return { page, requests, failures, errors };
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(OUTPUT, name);
  await rm(path, { force: true });
  await page.screenshot({ path, fullPage: true });
  const png = await readFile(path);
  expect(png.subarray(0, 8).toString('hex'), `${name} is not a PNG`).toBe('89504e470d0a1a0a');
}

/** Shows a value on the page (for the screenshot) and returns it. */
async function show<T>(page: Page, label: string, value: T): Promise<T> {
  await page.evaluate(({ label, text }) => {
    document.getElementById('log')!.textContent += `${label}: ${text}\n`;
  }, { label, text: JSON.stringify(value, null, 1).slice(0, 600) });
  return value;
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;

type Outcome = { ok: true; value: any } | { ok: false; error: any };

describe.skipIf(!chromium.ok)('legacy browser clients from another origin, in headless Chromium', () => {
  /** auth0.js v7 (`new Auth0({...})`) in the page, one call per step. */
  function auth0v7(page: Page) {
    return (step: string, params: Record<string, unknown>): Promise<Outcome> =>
      page.evaluate(
        ({ step, params, domain, clientID, connection }) =>
          new Promise<Outcome>((resolve) => {
            const auth = new (window as any).Auth0({ domain, clientID, callbackURL: window.location.href, responseType: 'token' });
            const done = (error: any, value: unknown) =>
              resolve(error ? { ok: false, error: { message: String(error.message), ...JSON.parse(JSON.stringify(error)) } } : { ok: true, value });
            if (step === 'signup') auth.signup({ connection, email: params.email, password: params.password, auto_login: false }, done);
            if (step === 'login') auth.loginWithResourceOwner({ connection, username: params.email, password: params.password, scope: 'openid' }, done);
            if (step === 'getProfile') auth.getProfile(params.idToken, done);
            if (step === 'getUserInfo') auth.getUserInfo(params.accessToken, done);
            if (step === 'renew') auth.renewIdToken(params.idToken, done);
          }),
        { step, params, domain: front.domain, clientID: CLIENT_ID, connection: DB },
      );
  }

  async function v7LoggedIn(page: Page, prefix: string) {
    const run = auth0v7(page);
    const email = uniqueEmail(prefix);
    const signup = await show(page, 'signup', await run('signup', { email, password: PASSWORD }));
    expect(signup.ok, JSON.stringify(signup)).toBe(true);
    const login = await show(page, 'login', await run('login', { email, password: PASSWORD }));
    expect(login.ok, JSON.stringify(login)).toBe(true);
    return { run, email, ...(login as { value: { idToken: string; accessToken: string } }).value };
  }

  it('auth0.js v7: signs up, logs in through /oauth/ro, getProfile (/tokeninfo), getUserInfo (POST /userinfo)', async () => {
    const { page, requests, failures, errors } = await openPage('auth0-js-v7');
    const { run, email, idToken, accessToken } = await v7LoggedIn(page, 'auth0js-v7');
    expect(claimsOf(idToken)).toMatchObject({ aud: CLIENT_ID, iss: `${front.url}/` });
    const profile = await show(page, 'getProfile', await run('getProfile', { idToken }));
    expect(profile).toMatchObject({ ok: true, value: { email, user_id: claimsOf(idToken).sub } });
    const info = await show(page, 'getUserInfo', await run('getUserInfo', { accessToken }));
    expect(info).toMatchObject({ ok: true, value: { email, sub: claimsOf(idToken).sub } });
    await screenshot(page, 'auth0-js-v7.png');
    expect(requests).toContain(`POST ${front.url}/oauth/ro`);
    expect(requests).toContain(`POST ${front.url}/tokeninfo`);
    expect(requests).toContain(`POST ${front.url}/userinfo`);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('auth0.js v7: renews the id_token (renewIdToken: /delegation api_type=auth0, scope=passthrough)', async () => {
    const { page } = await openPage('auth0-js-v7');
    const { run, idToken } = await v7LoggedIn(page, 'auth0js-v7-renew');
    const renewed = await show(page, 'renewIdToken', await run('renew', { idToken }));
    await screenshot(page, 'auth0-js-v7-renew.png');
    expect(renewed.ok, JSON.stringify(renewed)).toBe(true);
    const fresh = (renewed as { value: { id_token: string } }).value.id_token;
    expect(claimsOf(fresh)).toMatchObject({ aud: CLIENT_ID, sub: claimsOf(idToken).sub });
    await page.context().close();
  });

  for (const version of ['v8', 'v9'] as const) {
    it(`auth0.js ${version}: signs up, logs in with loginWithResourceOwner, reads userInfo and delegates`, async () => {
      const { page, requests, failures, errors } = await openPage(`auth0-js-${version}`);
      const email = uniqueEmail(`auth0js-${version}`);
      const run = (step: string, params: Record<string, unknown>): Promise<Outcome> =>
        page.evaluate(
          ({ step, params, domain, clientID, connection }) =>
            new Promise<Outcome>((resolve) => {
              const auth = new (window as any).auth0.Authentication({ domain, clientID });
              const done = (error: unknown, value: unknown) => resolve(error ? { ok: false, error } : { ok: true, value });
              if (step === 'signup') auth.dbConnection.signup({ connection, email: params.email, password: params.password }, done);
              if (step === 'login') auth.loginWithResourceOwner({ connection, username: params.email, password: params.password, scope: 'openid profile' }, done);
              if (step === 'userInfo') auth.userInfo(params.accessToken, done);
              if (step === 'delegation') {
                auth.delegation({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', id_token: params.idToken, api_type: 'app', scope: 'openid email' }, done);
              }
            }),
          { step, params, domain: front.domain, clientID: CLIENT_ID, connection: DB },
        );
      const signup = await show(page, 'signup', await run('signup', { email, password: PASSWORD }));
      expect(signup).toMatchObject({ ok: true, value: { email } });
      const wrong = await run('login', { email, password: 'Wrong-passw0rd' });
      expect(wrong.ok).toBe(false);
      expect(JSON.stringify((wrong as { error: unknown }).error)).toContain('invalid_user_password');
      const login = await show(page, 'login', await run('login', { email, password: PASSWORD }));
      expect(login.ok, JSON.stringify(login)).toBe(true);
      const tokens = (login as { value: Record<string, string> }).value;
      const idToken = tokens.idToken ?? tokens.id_token;
      const accessToken = tokens.accessToken ?? tokens.access_token;
      expect(claimsOf(idToken!)).toMatchObject({ aud: CLIENT_ID, email, iss: `${front.url}/` });
      expect(String(claimsOf(idToken!).picture)).toMatch(/^https:\/\/s\.gravatar\.com\/avatar\/[0-9a-f]{32}\?/);
      const info = await show(page, 'userInfo', await run('userInfo', { accessToken }));
      expect(info).toMatchObject({ ok: true, value: { email } });
      const delegated = await show(page, 'delegation', await run('delegation', { idToken }));
      expect(delegated.ok, JSON.stringify(delegated)).toBe(true);
      const renewed = (delegated as { value: Record<string, string> }).value;
      expect(claimsOf(renewed.idToken ?? renewed.id_token!)).toMatchObject({ aud: CLIENT_ID, email });
      await screenshot(page, `auth0-js-${version}.png`);
      expect(requests).toContain(`POST ${front.url}/oauth/ro`);
      expect(requests).toContain(`POST ${front.url}/dbconnections/signup`);
      expect(requests).toContain(`GET ${front.url}/userinfo`);
      expect(requests).toContain(`POST ${front.url}/delegation`);
      expect(failures).toEqual([]);
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
      await page.context().close();
    });
  }

  /** Opens Lock 10 in the page (embedded in #root), as an app configures it: no redirect, no SSO. */
  async function showLock(page: Page): Promise<void> {
    await page.evaluate(
      ({ domain, clientID, connection }) => {
        const w = window as any;
        const lock = new w.Auth0Lock(clientID, domain, {
          container: 'root',
          auth: { redirect: false, sso: false, params: { scope: 'openid' } },
          allowedConnections: [connection],
          rememberLastLogin: false,
          avatar: null,
        });
        lock.on('authenticated', (result: unknown) => (w.authResult = result));
        lock.on('authorization_error', (error: unknown) => (w.authError = error));
        w.lock = lock;
        lock.show();
      },
      { domain: front.domain, clientID: CLIENT_ID, connection: DB },
    );
    await page.locator('.auth0-lock input[name="email"]').waitFor({ state: 'visible' });
  }

  async function authenticated(page: Page): Promise<{ idToken: string; accessToken: string }> {
    await expect.poll(() => page.evaluate(() => (window as any).authResult ?? (window as any).authError ?? null), { timeout: 10_000 }).not.toBeNull();
    const result = await page.evaluate(() => (window as any).authResult ?? { error: (window as any).authError });
    expect(result.error, JSON.stringify(result)).toBeUndefined();
    return result;
  }

  it('Lock 10 (redirect: false, sso: false): loads its client script, signs up, logs in with the database connection, shows "forgot password"', async () => {
    const email = uniqueEmail('lock10');
    const signupPage = await openPage('auth0-lock-10');
    await showLock(signupPage.page);
    await screenshot(signupPage.page, 'lock-10-1-loaded.png');
    expect(signupPage.requests.some((r) => r.startsWith(`GET ${front.url}/client/${CLIENT_ID}.js?t`))).toBe(true);
    await signupPage.page.getByText('Sign Up', { exact: true }).click();
    await signupPage.page.locator('.auth0-lock input[name="email"]').fill(email);
    await signupPage.page.locator('.auth0-lock input[name="password"]').fill(PASSWORD);
    await screenshot(signupPage.page, 'lock-10-2-sign-up.png');
    await signupPage.page.locator('.auth0-lock button.auth0-lock-submit').click();
    const signedUp = await authenticated(signupPage.page);
    expect(claimsOf(signedUp.idToken)).toMatchObject({ aud: CLIENT_ID, iss: `${front.url}/` });
    await screenshot(signupPage.page, 'lock-10-3-signed-up.png');
    expect(signupPage.requests).toContain(`POST ${front.url}/dbconnections/signup`);
    expect(signupPage.requests).toContain(`POST ${front.url}/oauth/ro`);
    expect(signupPage.failures).toEqual([]);
    expect(signupPage.errors).toEqual([]);
    await signupPage.page.context().close();

    const { page, requests, failures, errors } = await openPage('auth0-lock-10');
    await showLock(page);
    await page.locator('.auth0-lock input[name="email"]').fill(email);
    await page.locator('.auth0-lock input[name="password"]').fill('Wrong-passw0rd');
    await page.locator('.auth0-lock button.auth0-lock-submit').click();
    await expect.poll(() => page.locator('.auth0-global-message-error').textContent()).toMatch(/wrong email or password/i);
    await screenshot(page, 'lock-10-4-wrong-password.png');
    expect(await page.evaluate(() => (window as any).authError?.error)).toBe('invalid_user_password');
    await page.evaluate(() => ((window as any).authError = undefined));
    await page.locator('.auth0-lock input[name="password"]').fill(PASSWORD);
    await page.locator('.auth0-lock button.auth0-lock-submit').click();
    const loggedIn = await authenticated(page);
    expect(claimsOf(loggedIn.idToken)).toMatchObject({ aud: CLIENT_ID, sub: claimsOf(signedUp.idToken).sub });
    await screenshot(page, 'lock-10-5-logged-in.png');
    // Lock 10's getProfile: GET /tokeninfo?id_token= from the page's origin.
    const profile = await page.evaluate(
      (idToken) => new Promise((resolve) => (window as any).lock.getProfile(idToken, (error: unknown, value: unknown) => resolve({ error, value }))),
      loggedIn.idToken,
    );
    expect(profile).toMatchObject({ value: { email } });
    expect(requests.some((r) => r.startsWith(`GET ${front.url}/tokeninfo?id_token=`))).toBe(true);
    expect(failures).toEqual([]);
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await page.context().close();

    const forgot = await openPage('auth0-lock-10');
    await showLock(forgot.page);
    await forgot.page.getByText("Don't remember your password?").click();
    await forgot.page.getByText('Reset your password', { exact: true }).waitFor({ state: 'visible' });
    await expect.poll(() => forgot.page.locator('.auth0-lock button.auth0-lock-submit').isVisible()).toBe(true);
    await screenshot(forgot.page, 'lock-10-6-forgot-password.png');
    await forgot.page.context().close();
  });

  it('Lock Passwordless 2.x (SMS): country from /user/geoloc/country, code through /passwordless/start, login through /oauth/ro', async () => {
    const national = `555${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const phone = `+1${national}`;
    const { page, requests, failures, errors } = await openPage('auth0-lock-passwordless-2');
    await page.evaluate(
      ({ domain, clientID }) => {
        const w = window as any;
        const lock = new w.Auth0LockPasswordless(clientID, domain);
        w.lock = lock;
        lock.sms({ container: 'root', autoclose: false, responseType: 'token', authParams: { scope: 'openid' } }, (error: unknown, profile: unknown, idToken: unknown) => {
          w.smsResult = { error: error ?? null, profile, idToken };
        });
      },
      { domain: front.domain, clientID: CLIENT_ID },
    );
    const phoneInput = page.locator('input[name="phoneNumber"]');
    await phoneInput.waitFor({ state: 'visible' });
    await expect.poll(() => requests.includes(`GET ${front.url}/user/geoloc/country`)).toBe(true);
    await screenshot(page, 'lock-passwordless-1-phone.png');
    await phoneInput.fill(national);
    await page.locator('button.auth0-lock-submit').click();
    const vcode = page.locator('input[name="vcode"]');
    await vcode.waitFor({ state: 'visible' });
    await screenshot(page, 'lock-passwordless-2-code.png');
    const message = [...twilio.messages].reverse().find((m) => m.to === phone);
    const code = /^Your code is ([0-9]{6})$/.exec(message?.body ?? '')?.[1];
    expect(code, `a 6-digit code was texted to ${phone}`).toBeDefined();
    await vcode.fill(code!);
    await page.locator('button.auth0-lock-submit').click();
    await expect.poll(() => page.evaluate(() => (window as any).smsResult ?? null), { timeout: 10_000 }).not.toBeNull();
    const result = await page.evaluate(() => (window as any).smsResult);
    expect(result.error, JSON.stringify(result.error)).toBeNull();
    expect(claimsOf(result.idToken)).toMatchObject({ aud: CLIENT_ID, iss: `${front.url}/` });
    expect(String(claimsOf(result.idToken).sub)).toMatch(/^sms\|/);
    await show(page, 'signed in', { profile: result.profile });
    await screenshot(page, 'lock-passwordless-3-signed-in.png');
    expect(requests).toContain(`POST ${front.url}/passwordless/start`);
    expect(requests).toContain(`POST ${front.url}/oauth/ro`);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an origin no client lists: Chromium withholds the server’s answers from auth0.js (CORS)', async () => {
    const { page, failures } = await openPage('auth0-js-v9', strangers);
    expect(strangers.origin).not.toBe(pages.origin);
    const outcome = await page.evaluate(
      ({ domain, clientID, connection }) =>
        new Promise<Outcome>((resolve) => {
          const auth = new (window as any).auth0.Authentication({ domain, clientID });
          auth.loginWithResourceOwner({ connection, username: 'nobody@example.com', password: 'Wrong-passw0rd', scope: 'openid' }, (error: unknown, value: unknown) =>
            resolve(error ? { ok: false, error: JSON.parse(JSON.stringify(error)) } : { ok: true, value }),
          );
        }),
      { domain: front.domain, clientID: CLIENT_ID, connection: DB },
    );
    await show(page, 'login from an unlisted origin', outcome);
    await screenshot(page, 'unlisted-origin-refused.png');
    expect(outcome.ok).toBe(false);
    // Not the server's 401 (which the page could read): the browser withheld the answer.
    expect(JSON.stringify(outcome)).not.toContain('invalid_user_password');
    expect(failures.some((f) => f.startsWith(`POST ${front.url}/oauth/ro`) || f.startsWith(`OPTIONS ${front.url}/oauth/ro`))).toBe(true);
    await page.context().close();
  });
});
