import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestCertificate, startFakeTwilio, startTlsFront, type FakeTwilio, type TlsFront } from '@oauth-ro/test-kit';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.js';
import { servePage, type PageServer } from '../serve-page.mjs';
import { DEMO_DIR, freePort, startDemoServer, type DemoServer } from './start-demo-server.js';

/**
 * The demo page, built, served by the real standalone server process, driven in Debian's headless
 * Chromium: auth0.js v8 signs up, starts SMS passwordless and logs in through /oauth/ro. Over https
 * (a TLS front with a certificate made for this run, trusted by its key only) auth0.js runs exactly
 * as published; over plain http the page points it at its own origin (a local `pnpm start`).
 * The SMS goes to a local server speaking Twilio's Messages API; the test reads the code there.
 */

const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const PASSWORD = 'Demo-passw0rd';
const chromium = findChromium();
if (!chromium.ok) console.warn(`@oauth-ro/demo-web: SKIPPING the browser test: ${chromium.reason}`);

let temp: string;
let twilio: FakeTwilio;
let front: TlsFront;
let server: DemoServer;
let browser: Browser;
let spki: string;
let ownOrigin: PageServer;

/** Chromium trusts exactly this certificate's key: verification stays on for everything else. */
function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

beforeAll(async () => {
  if (!chromium.ok) return;
  temp = await mkdtemp(join(tmpdir(), 'oauth-ro-demo-web-'));
  await mkdir(OUTPUT, { recursive: true });
  twilio = await startFakeTwilio();
  const certificate = await makeTestCertificate(temp);
  spki = spkiHash(certificate.cert);
  const port = await freePort();
  front = await startTlsFront({ cert: certificate.cert, key: certificate.key, target: { host: '127.0.0.1', port } });
  ownOrigin = await servePage({ dir: DEMO_DIR, server: front.url });
  const config = join(temp, 'oauth-ro.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: `http://127.0.0.1:${port}/`,
      clients: [{ client_id: 'demo', name: 'Demo web page', allowed_origins: [ownOrigin.origin] }],
      connections: [
        { name: 'Username-Password-Authentication', strategy: 'auth0', enabled_clients: ['demo'], options: { passwordPolicy: 'fair' } },
        {
          name: 'sms',
          strategy: 'sms',
          enabled_clients: ['demo'],
          options: {
            provider: 'twilio',
            twilio_sid: 'env:TWILIO_SID',
            twilio_token: 'env:TWILIO_TOKEN',
            twilio_base_url: twilio.baseUrl,
            from: '+15550100000',
            template: 'Your demo code is @@password@@',
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
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', `--ignore-certificate-errors-spki-list=${spki}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await front?.close();
  await ownOrigin?.close();
  await twilio?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

/** A fresh page that records every request it makes and every script error. */
async function openDemo(origin: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${origin}/demo/`);
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.locator('#server').textContent()).toBe(origin);
  return { page, requests, errors };
}

/** The claims table and the /userinfo answer, once the page shows a session. */
async function session(page: Page): Promise<{ heading: string; claims: Record<string, string>; userinfo: Record<string, unknown> }> {
  await page.locator('#session').waitFor({ state: 'visible' });
  await expect.poll(() => page.locator('#userinfo').textContent()).not.toBe('');
  const claims = Object.fromEntries(
    await page.locator('#claims tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? ''])),
  );
  return {
    heading: (await page.locator('#session-heading').textContent()) ?? '',
    claims,
    userinfo: JSON.parse((await page.locator('#userinfo').textContent()) ?? '') as Record<string, unknown>,
  };
}

/** Saves a full-page screenshot to test-output/ and checks a non-empty PNG was written. */
async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(OUTPUT, name);
  await rm(path, { force: true });
  await page.screenshot({ path, fullPage: true });
  const png = await readFile(path);
  expect(png.length, `${name} is empty`).toBeGreaterThan(1000);
  expect(png.subarray(0, 8).toString('hex'), `${name} is not a PNG`).toBe('89504e470d0a1a0a');
}

/** Every request stayed on the page's origin, and the login went through /oauth/ro. */
function expectSameOriginOnly(requests: string[], origin: string): void {
  expect(requests.filter((r) => !r.split(' ')[1]!.startsWith(`${origin}/`))).toEqual([]);
  expect(requests).toContain(`POST ${origin}/oauth/ro`);
  expect(requests.some((r) => r.includes('/oauth/token'))).toBe(false);
}

describe.skipIf(!chromium.ok)('demo page: auth0.js v8 in headless Chromium against the standalone server', () => {
  const email = `demo-${Date.now()}@example.com`;

  it('database over https, auth0.js as published: signs up, logs in through /oauth/ro, shows the id_token claims and /userinfo', async () => {
    const { page, requests, errors } = await openDemo(front.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Signed up ${email}. Now log in.`);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const shown = await session(page);
    expect(shown.heading).toMatch(/^Signed in as auth0\|.+/);
    expect(shown.claims).toMatchObject({ sub: shown.heading.slice('Signed in as '.length), aud: 'demo', email });
    expect(shown.claims.iss).toBe(`${server.url}/`);
    expect(shown.claims.exp).toMatch(/^\d+ \(\d{4}-\d\d-\d\dT/);
    expect(shown.userinfo).toMatchObject({ sub: shown.claims.sub, email });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Logged in through /oauth/ro');
    await screenshot(page, 'database-login.png');
    expectSameOriginOnly(requests, front.url);
    expect(requests).toContain(`POST ${front.url}/dbconnections/signup`);
    expect(requests).toContain(`GET ${front.url}/userinfo`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('SMS over https: sends a code through Twilio, logs in with it through /oauth/ro, shows the claims', async () => {
    const phone = '+15550104242';
    const { page, requests, errors } = await openDemo(front.url);
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`A code was sent to ${phone}. Enter it below.`);
    const message = [...twilio.messages].reverse().find((m) => m.to === phone);
    expect(message?.from).toBe('+15550100000');
    const code = /^Your demo code is ([0-9]{6})$/.exec(message?.body ?? '')?.[1];
    expect(code, 'the text message holds a 6-digit code').toBeDefined();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code');
    await page.getByLabel('Code').fill(code!);
    await page.getByRole('button', { name: 'Log in with code' }).click();
    const shown = await session(page);
    expect(shown.heading).toMatch(/^Signed in as sms\|.+/);
    expect(shown.claims).toMatchObject({ sub: shown.heading.slice('Signed in as '.length), aud: 'demo', phone_number: phone });
    expect(shown.userinfo).toMatchObject({ sub: shown.claims.sub, phone_number: phone });
    await screenshot(page, 'sms-login.png');
    expectSameOriginOnly(requests, front.url);
    expect(requests).toContain(`POST ${front.url}/passwordless/start`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('plain http (a local start): shows the server error for a wrong password, then logs in', async () => {
    const { page, requests, errors } = await openDemo(server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('Wrong-passw0rd');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Log in failed (HTTP 401): Wrong email or password. [invalid_user_password]');
    await screenshot(page, 'wrong-password.png');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const shown = await session(page);
    expect(shown.claims).toMatchObject({ aud: 'demo', email });
    expect(await page.getByRole('alert').textContent()).toBe('');
    await screenshot(page, 'http-database-login.png');
    expectSameOriginOnly(requests, server.url);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('on its own origin, as deployed: calls the server cross-origin through CORS, logs in, shows the claims and /userinfo', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(ownOrigin.url);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).origin).toBe(ownOrigin.origin);
    await expect.poll(() => page.locator('#server').textContent()).toBe(front.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const shown = await session(page);
    expect(shown.claims).toMatchObject({ aud: 'demo', email });
    expect(shown.userinfo).toMatchObject({ sub: shown.claims.sub, email });
    await screenshot(page, 'own-origin-login.png');
    expect(requests).toContain(`POST ${front.url}/oauth/ro`);
    expect(requests).toContain(`GET ${front.url}/userinfo`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
