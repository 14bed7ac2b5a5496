import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeTestCertificate, startTlsFront, type TlsFront } from '@oauth-ro/test-kit';
import { build } from 'esbuild';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.js';
import { freePort, startDemoServer, type DemoServer } from './start-demo-server.js';

/**
 * Password reset and email verification end to end: the standalone server process sends through a
 * real SMTP server (the `smtp-server` package) started here; the `auth0` Node SDK v2 and auth0.js v8
 * (in headless Chromium) ask for the reset; Chromium opens the emailed link and sets the new
 * password on the server's page. Screenshots of the pages go to test-output/.
 */

const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const DRIVER = fileURLToPath(new URL('./auth0-v2-call.mjs', import.meta.url));
const DB = 'Username-Password-Authentication';
const VERIFIED_DB = 'verified-only';
const PASSWORD = 'Demo-passw0rd';
const SENT = "We've just sent you an email to reset your password.";
const chromium = findChromium();
if (!chromium.ok) console.warn(`@oauth-ro/demo-web: SKIPPING the account email test: ${chromium.reason}`);

interface Mail {
  readonly to: string[];
  readonly raw: string;
}

let temp: string;
let server: DemoServer;
let front: TlsFront;
let browser: Browser;
let smtp: SMTPServer;
let certPath: string;
let spki: string;
const mails: Mail[] = [];

/** The decoded body of a raw message (quoted-printable soft breaks and escapes undone). */
function bodyOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The newest link to `path` mailed to `to`, waiting for the mail to arrive. */
async function mailedLink(to: string, path: string, after = 0): Promise<string> {
  const pattern = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/${path.replace(/\//g, '\\/')}\\?ticket=[A-Za-z0-9_-]{43})`);
  for (let i = 0; i < 300; i++) {
    const mail = mails.slice(after).reverse().find((m) => m.to.includes(to) && pattern.test(bodyOf(m.raw)));
    if (mail) return pattern.exec(bodyOf(mail.raw))![1]!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${path} link arrived for ${to}`);
}

async function sdkV2(method: string, args: Record<string, unknown>): Promise<{ ok: boolean; value?: unknown; error?: { name: string; message?: string; statusCode?: number } }> {
  const { stdout } = await promisify(execFile)(process.execPath, [DRIVER, JSON.stringify({ domain: front.domain, clientId: 'demo', method, args })], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as never;
}

async function post(path: string, json: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

const login = (username: string, password: string, extra: Record<string, unknown> = {}, connection = DB) =>
  post('/oauth/ro', { client_id: 'demo', connection, grant_type: 'password', username, password, scope: 'openid', ...extra });

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(OUTPUT, name);
  await rm(path, { force: true });
  await page.screenshot({ path, fullPage: true });
  const png = await readFile(path);
  expect(png.subarray(0, 8).toString('hex'), `${name} is not a PNG`).toBe('89504e470d0a1a0a');
}

/** Opens a reset link in Chromium, sets `password` on the server's page; answers the result page. */
async function resetInBrowser(link: string, password: string, shot?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 } });
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  page.on('pageerror', (e) => scriptErrors.push(e.message));
  const opened = await page.goto(link);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()['content-security-policy']).toMatch(/^default-src 'none'/);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForLoadState();
  expect(scriptErrors).toEqual([]);
  return page;
}

beforeAll(async () => {
  if (!chromium.ok) return;
  temp = await mkdtemp(join(tmpdir(), 'oauth-ro-accounts-'));
  await mkdir(OUTPUT, { recursive: true });
  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === 'mailer' && auth.password === 'smtp-test-password';
      callback(ok ? null : new Error('Invalid username or password'), ok ? { user: auth.username } : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  const certificate = await makeTestCertificate(temp);
  certPath = certificate.certPath;
  spki = createHash('sha256').update(new X509Certificate(certificate.cert).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  const port = await freePort();
  front = await startTlsFront({ cert: certificate.cert, key: certificate.key, target: { host: '127.0.0.1', port } });
  const config = join(temp, 'oauth-ro.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: `http://127.0.0.1:${port}/`,
      clients: [{ client_id: 'demo', name: 'Demo web page' }],
      connections: [
        { name: DB, strategy: 'auth0', enabled_clients: ['demo'], options: { passwordPolicy: 'fair', password_history: { enable: true, size: 3 }, send_verification_email: false } },
        { name: VERIFIED_DB, strategy: 'auth0', enabled_clients: ['demo'], options: { passwordPolicy: 'fair', requires_email_verification: true } },
      ],
      email_provider: {
        name: 'smtp',
        enabled: true,
        default_from_address: 'Demo <no-reply@demo.example>',
        credentials: { smtp_host: '127.0.0.1', smtp_port: smtpPort, smtp_user: 'mailer', smtp_pass: 'env:SMTP_PASS' },
      },
      email_templates: [
        { template: 'reset_email', subject: 'Reset your {{ application.name }} password', body: '<p>Hello {{ user.email }}</p><p><a href="{{ url }}">Reset your password</a></p>', urlLifetimeInSeconds: 3600 },
        { template: 'verify_email', subject: 'Verify your email for {{ application.name }}', body: '<p><a href="{{ url }}">Verify</a></p>' },
      ],
    }),
  );
  server = await startDemoServer({ PORT: String(port), OAUTH_RO_CONFIG: config, OAUTH_RO_DATABASE: `sqlite:${join(temp, 'oauth-ro.db')}`, SMTP_PASS: 'smtp-test-password' });
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
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe.skipIf(!chromium.ok)('password reset and email verification over real SMTP, in headless Chromium', () => {
  it('auth0@2 requestChangePasswordEmail → email → Chromium sets a new password → old fails, new logs in, old refresh token refused, link spent', async () => {
    const email = `reset-v2-${Date.now()}@example.com`;
    expect((await post('/dbconnections/signup', { client_id: 'demo', connection: DB, email, password: PASSWORD })).status).toBe(200);
    const before = await login(email, PASSWORD, { scope: 'openid offline_access', device: 'Laptop' });
    expect(before.body.refresh_token).toBeDefined();

    const asked = await sdkV2('database.requestChangePasswordEmail', { connection: DB, email });
    expect(asked.ok, JSON.stringify(asked)).toBe(true);
    const unknown = await sdkV2('database.requestChangePasswordEmail', { connection: DB, email: `nobody-${Date.now()}@example.com` });
    expect(unknown).toEqual(asked);
    const link = await mailedLink(email, 'lo/reset');
    const mail = mails.find((m) => m.to.includes(email))!;
    expect(mail.raw).toMatch(/^Subject: Reset your Demo web page password\r?$/m);

    const weak = await resetInBrowser(link, 'weak');
    expect(await weak.getByRole('alert').textContent()).toContain('Password is too weak');
    await screenshot(weak, 'reset-refused.png');
    await weak.context().close();
    const reused = await resetInBrowser(link, PASSWORD);
    expect(await reused.getByRole('alert').textContent()).toBe('Password has previously been used');
    await reused.context().close();

    const done = await resetInBrowser(link, 'Brand-New-Horse-7', 'reset-page.png');
    expect(await done.getByRole('status').textContent()).toContain('Your password has been changed');
    await screenshot(done, 'reset-done.png');
    await done.context().close();

    expect((await login(email, PASSWORD)).status).toBe(401);
    expect((await login(email, 'Brand-New-Horse-7')).status).toBe(200);
    const refreshed = await post('/delegation', { client_id: 'demo', grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', refresh_token: before.body.refresh_token, api_type: 'app' });
    expect(refreshed.status).toBe(403);

    const context = await browser.newContext();
    const again = await context.newPage();
    expect((await again.goto(link))?.status()).toBe(400);
    expect(await again.textContent('main')).toContain('expired or was already used');
    await screenshot(again, 'reset-link-spent.png');
    await context.close();
  });

  it('auth0@2 changePassword (legacy, with the new password): policy errors at once, the emailed link confirms it', async () => {
    const email = `legacy-v2-${Date.now()}@example.com`;
    expect((await post('/dbconnections/signup', { client_id: 'demo', connection: DB, email, password: PASSWORD })).status).toBe(200);
    const weak = await sdkV2('database.changePassword', { connection: DB, email, password: 'weak' });
    expect(weak).toMatchObject({ ok: false, error: { statusCode: 400 } });
    const asked = await sdkV2('database.changePassword', { connection: DB, email, password: 'Legacy-Horse-9' });
    expect(asked.ok, JSON.stringify(asked)).toBe(true);
    const link = await mailedLink(email, 'lo/reset');
    const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const page = await context.newPage();
    expect((await page.goto(link))?.status()).toBe(200);
    await page.getByRole('button', { name: 'Confirm password change' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').textContent()).toContain('Your password has been changed');
    await context.close();
    expect((await login(email, PASSWORD)).status).toBe(401);
    expect((await login(email, 'Legacy-Horse-9')).status).toBe(200);
  });

  it('auth0.js v8 changePassword in Chromium → email → reset on the page', async () => {
    const email = `reset-v8-${Date.now()}@example.com`;
    expect((await post('/dbconnections/signup', { client_id: 'demo', connection: DB, email, password: PASSWORD })).status).toBe(200);
    const bundle = await build({ stdin: { contents: "import auth0 from 'auth0-js'; window.auth0 = auth0;", resolveDir: fileURLToPath(new URL('..', import.meta.url)) }, bundle: true, write: false, format: 'iife', logLevel: 'silent' });
    const context = await browser.newContext();
    const page = await context.newPage();
    // A page on the server's https origin that loads auth0.js v8 as published.
    await page.route(`${front.url}/auth0js-e2e.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>auth0.js v8</title><script src="/auth0js-e2e.js"></script>' }));
    await page.route(`${front.url}/auth0js-e2e.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text }));
    await page.goto(`${front.url}/auth0js-e2e.html`);
    const answer = await page.evaluate(
      ({ domain, connection, email }) =>
        new Promise<unknown>((resolve) => {
          const webAuth = new (window as any).auth0.WebAuth({ domain, clientID: 'demo', responseType: 'token' });
          webAuth.changePassword({ connection, email }, (err: any, res: unknown) => resolve(err ? { err: { code: err.code, description: err.description, statusCode: err.statusCode } } : { res }));
        }),
      { domain: front.domain, connection: DB, email },
    );
    expect(answer).toEqual({ res: SENT });
    const weak = await page.evaluate(
      ({ domain }) =>
        new Promise<unknown>((resolve) => {
          const webAuth = new (window as any).auth0.WebAuth({ domain, clientID: 'demo', responseType: 'token' });
          webAuth.signup({ connection: 'Username-Password-Authentication', email: `weak-${Date.now()}@example.com`, password: 'weak' }, (err: any) =>
            resolve({ code: err?.code, name: err?.name, policy: err?.policy, description: err?.description }),
          );
        }),
      { domain: front.domain },
    );
    expect(weak).toMatchObject({ code: 'invalid_password', name: 'PasswordStrengthError', policy: expect.stringContaining('* At least 8 characters in length') });
    await context.close();
    const link = await mailedLink(email, 'lo/reset');
    const done = await resetInBrowser(link, 'Auth0js-Horse-8');
    expect(await done.getByRole('status').textContent()).toContain('Your password has been changed');
    await done.context().close();
    expect((await login(email, 'Auth0js-Horse-8')).status).toBe(200);
  });

  it('verification: sign-up mails a link; unverified login refused; Chromium verifies; the link is spent', async () => {
    const email = `verify-${Date.now()}@example.com`;
    const mark = mails.length;
    expect((await post('/dbconnections/signup', { client_id: 'demo', connection: VERIFIED_DB, email, password: PASSWORD })).status).toBe(200);
    expect(await login(email, PASSWORD, {}, VERIFIED_DB)).toEqual({ status: 401, body: { error: 'unauthorized', error_description: 'Please verify your email before logging in.' } });
    const link = await mailedLink(email, 'api/v2/tickets/email-verification', mark);
    const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const page = await context.newPage();
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    expect(await page.getByRole('status').textContent()).toContain('Your email was verified');
    await screenshot(page, 'verify-page.png');
    expect((await page.goto(link))?.status()).toBe(400);
    await context.close();
    expect((await login(email, PASSWORD, {}, VERIFIED_DB)).status).toBe(200);
  });
});
