import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * Passwordless magic links end to end (docs/spec.md §5.11): the standalone server process mails
 * through a real SMTP server (`smtp-server`) started here; the `auth0` Node SDK v2 asks for a link
 * with `requestMagicLink`, headless Chromium opens the link from the received mail and lands on a
 * callback page of another origin, which reads the tokens from its fragment; auth0.js v7 in Chromium
 * asks for the same link with `startPasswordless`. auth0.js v8 and v9 in
 * Chromium run `passwordlessStart` (code) and `passwordlessVerify`, which posts the code to
 * `/passwordless/verify` and sends the browser through `/passwordless/verify_redirect` to the callback.
 */

const DRIVER = fileURLToPath(new URL('./auth0-v2-call.mjs', import.meta.url));
const chromium = findChromium();
if (!chromium.ok) console.warn(`@oauth-ro/demo-web: SKIPPING the magic link test: ${chromium.reason}`);

/** Auth0's default passwordless email template: one body for codes and links. */
const TEMPLATE =
  "<p>{% if send == 'link' or send == 'link_ios' or send == 'link_android' %}<a href=\"{{ link }}\">Log in to {{ application.name }}</a>{% elsif send == 'code' %}Your code is <b>{{ code }}</b>{% endif %}</p>";

let temp: string;
let server: DemoServer;
let front: TlsFront;
let browser: Browser;
let smtp: SMTPServer;
let callbackServer: Server;
let callbackUrl: string;
let certPath: string;
const mails: { to: string[]; raw: string }[] = [];

/** The decoded body of a raw message (quoted-printable soft breaks and escapes undone). */
function bodyOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The newest mail to `to` matching `pattern`, waiting for it to arrive; answers the first group. */
async function mailed(to: string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const mail = [...mails].reverse().find((m) => m.to.includes(to) && pattern.test(bodyOf(m.raw)));
    if (mail) return pattern.exec(bodyOf(mail.raw))![1]!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no matching mail arrived for ${to}`);
}

async function sdkV2(method: string, args: Record<string, unknown>): Promise<{ ok: boolean; value?: unknown; error?: { name: string; statusCode?: number } }> {
  const { stdout } = await promisify(execFile)(process.execPath, [DRIVER, JSON.stringify({ domain: front.domain, clientId: 'demo', method, args })], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as never;
}

/** The id_token's claims, once the server's `/tokeninfo` has verified its signature. */
async function verifiedClaims(idToken: string): Promise<Record<string, unknown>> {
  const checked = await fetch(`${server.url}/tokeninfo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id_token: idToken }) });
  expect(checked.status).toBe(200);
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** What the callback page (another origin) saw: its origin and the parameters of its fragment. */
async function callbackSaw(page: Page): Promise<{ origin: string; params: URLSearchParams }> {
  await page.waitForURL((url) => url.href.startsWith(callbackUrl), { timeout: 15_000 });
  const seen = await page.evaluate(() => ({ origin: location.origin, received: (window as unknown as { received: string }).received }));
  return { origin: seen.origin, params: new URLSearchParams(seen.received.slice(1)) };
}

beforeAll(async () => {
  if (!chromium.ok) return;
  temp = await mkdtemp(join(tmpdir(), 'oauth-ro-links-'));
  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
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
  // The app's callback page, on an origin of its own: it keeps the fragment it was opened with.
  callbackServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>callback</title><script>window.received = location.hash;</script>');
  }).listen(0, '127.0.0.1');
  await once(callbackServer, 'listening');
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;
  const certificate = await makeTestCertificate(temp);
  certPath = certificate.certPath;
  const spki = createHash('sha256').update(new X509Certificate(certificate.cert).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  const port = await freePort();
  front = await startTlsFront({ cert: certificate.cert, key: certificate.key, target: { host: '127.0.0.1', port } });
  const config = join(temp, 'oauth-ro.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: `http://127.0.0.1:${port}/`,
      clients: [{ client_id: 'demo', name: 'Demo web page', callbacks: [callbackUrl], allowed_origins: [front.url] }],
      connections: [{ name: 'email', strategy: 'email', enabled_clients: ['demo'], options: { email: { from: 'Demo <login@demo.example>', subject: 'Log in to {{ application.name }}', body: TEMPLATE, syntax: 'liquid' }, totp: { time_step: 300, length: 6 } } }],
      email_provider: { name: 'smtp', enabled: true, default_from_address: 'Demo <no-reply@demo.example>', credentials: { smtp_host: '127.0.0.1', smtp_port: smtpPort } },
    }),
  );
  server = await startDemoServer({ PORT: String(port), OAUTH_RO_CONFIG: config, OAUTH_RO_DATABASE: `sqlite:${join(temp, 'oauth-ro.db')}` });
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
  await new Promise<void>((resolve) => (callbackServer ? callbackServer.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe.skipIf(!chromium.ok)('passwordless magic links over real SMTP, in headless Chromium', () => {
  it('auth0@2 requestMagicLink → email → Chromium opens the link → the callback on another origin gets the tokens; the link works once', async () => {
    const email = `link-v2-${Date.now()}@example.com`;
    const asked = await sdkV2('requestMagicLink', { email, authParams: { redirect_uri: callbackUrl, response_type: 'token', scope: 'openid email', state: 'st-v2', nonce: 'n-v2' } });
    expect(asked, JSON.stringify(asked)).toMatchObject({ ok: true, value: { email, email_verified: false } });
    const link = await mailed(email, /href="(http:\/\/127\.0\.0\.1:\d+\/passwordless\/verify_redirect\?[^"]+)"/);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link.replace(/&amp;/g, '&'));
    const { origin, params } = await callbackSaw(page);
    expect(origin).toBe(new URL(callbackUrl).origin);
    expect(params.get('state')).toBe('st-v2');
    expect(params.get('token_type')).toBe('Bearer');
    expect(await verifiedClaims(params.get('id_token')!)).toMatchObject({ aud: 'demo', email, email_verified: true, nonce: 'n-v2' });
    const userinfo = await fetch(`${server.url}/userinfo`, { headers: { authorization: `Bearer ${params.get('access_token')}` } });
    expect(userinfo.status).toBe(200);

    const replay = await context.newPage();
    await replay.goto(link.replace(/&amp;/g, '&'));
    const replayed = await callbackSaw(replay);
    expect(replayed.params.get('access_token')).toBeNull();
    expect(replayed.params.get('error')).toBe('invalid_user_password');
    expect(replayed.params.get('state')).toBe('st-v2');
    await context.close();
  });

  it('auth0.js v7 startPasswordless (a link, its email default) in Chromium → email → the link → the callback on another origin gets the tokens, which v7’s parseHash accepts; the link works once', async () => {
    const email = `link-v7-${Date.now()}@example.com`;
    // auth0.js v7 posts a form whose authParams are bracketed keys (reqwest): authParams[state]=…
    const bundle = await build({ stdin: { contents: `import Auth0 from 'auth0-js-v7'; window.Auth0 = Auth0;`, resolveDir: fileURLToPath(new URL('..', import.meta.url)) }, bundle: true, write: false, format: 'iife', logLevel: 'silent', define: { global: 'window' } });
    const v7 = bundle.outputFiles[0]!.text;
    // The id_token's issuer is the server's own address, not the TLS front's domain v7 would assume.
    const issuer = new URL('/', server.url).href;
    const options = { domain: front.domain, clientID: 'demo', callbackURL: callbackUrl, responseType: 'token', __token_issuer: issuer };
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url().split('?')[0]} ${request.headers()['content-type'] ?? ''}`));
    await page.route(`${front.url}/auth0js-v7.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>auth0.js v7</title><script src="/auth0js-v7.js"></script>' }));
    await page.route(`${front.url}/auth0js-v7.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: v7 }));
    await page.goto(`${front.url}/auth0js-v7.html`);
    const started = await page.evaluate(
      ({ options, email }) =>
        new Promise<unknown>((resolve) => {
          const auth0 = new (window as any).Auth0(options);
          auth0.startPasswordless({ email, authParams: { scope: 'openid email', state: 'st-v7', nonce: 'n-v7' } }, (err: any, res: unknown) => resolve(err ? { err } : { res }));
        }),
      { options, email },
    );
    expect(started).toMatchObject({ res: { email, email_verified: false } });
    expect(requests).toContain(`POST ${front.url}/passwordless/start application/x-www-form-urlencoded`);
    const link = (await mailed(email, /href="(http:\/\/127\.0\.0\.1:\d+\/passwordless\/verify_redirect\?[^"]+)"/)).replace(/&amp;/g, '&');
    expect(Object.fromEntries(new URL(link).searchParams)).toMatchObject({ redirect_uri: callbackUrl, response_type: 'token', scope: 'openid email', state: 'st-v7', nonce: 'n-v7' });

    await page.goto(link);
    const { origin, params } = await callbackSaw(page);
    expect(origin).toBe(new URL(callbackUrl).origin);
    expect(params.get('state')).toBe('st-v7');
    expect(await verifiedClaims(params.get('id_token')!)).toMatchObject({ aud: 'demo', email, email_verified: true, nonce: 'n-v7' });
    // The callback page runs v7's own parseHash: audience, issuer and nonce checked as v7 did.
    await page.addScriptTag({ content: v7 });
    const parsed = await page.evaluate((options) => {
      const result = new (window as any).Auth0(options).parseHash((window as any).received, { nonce: 'n-v7' });
      return { state: result?.state, error: result?.error, accessToken: typeof result?.accessToken, email: result?.idTokenPayload?.email };
    }, options);
    expect(parsed).toEqual({ state: 'st-v7', error: undefined, accessToken: 'string', email });
    const userinfo = await fetch(`${server.url}/userinfo`, { headers: { authorization: `Bearer ${params.get('access_token')}` } });
    expect(userinfo.status).toBe(200);

    const replay = await context.newPage();
    await replay.goto(link);
    const replayed = await callbackSaw(replay);
    expect(replayed.params.get('access_token')).toBeNull();
    expect(replayed.params.get('error')).toBe('invalid_user_password');
    expect(replayed.params.get('state')).toBe('st-v7');
    await context.close();
  });

  it.each([
    ['v8', 'auth0-js'],
    ['v9', 'auth0-js-v9'],
  ])('auth0.js %s passwordlessStart (code) + passwordlessVerify in Chromium → /passwordless/verify → verify_redirect → callback with state and nonce', async (version, pkg) => {
    const email = `code-${version}-${Date.now()}@example.com`;
    // auth0.js v8 was written for browserify, which provides `global`; its transaction storage reads it (harmless for v9).
    const bundle = await build({ stdin: { contents: `import auth0 from '${pkg}'; window.auth0 = auth0;`, resolveDir: fileURLToPath(new URL('..', import.meta.url)) }, bundle: true, write: false, format: 'iife', logLevel: 'silent', define: { global: 'window' } });
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url().split('?')[0]}`));
    // A page on the server's https origin that loads auth0.js as published.
    await page.route(`${front.url}/auth0js-links.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>auth0.js</title><script src="/auth0js-links.js"></script>' }));
    await page.route(`${front.url}/auth0js-links.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text }));
    await page.goto(`${front.url}/auth0js-links.html`);
    const options = { domain: front.domain, clientID: 'demo', responseType: 'token id_token', redirectUri: callbackUrl, scope: 'openid email', state: `st-${version}`, nonce: `n-${version}` };
    const started = await page.evaluate(
      ({ options, email }) =>
        new Promise<unknown>((resolve) => {
          const webAuth = new (window as any).auth0.WebAuth(options);
          webAuth.passwordlessStart({ connection: 'email', send: 'code', email }, (err: any, res: unknown) => resolve(err ? { err: err.code } : { res }));
        }),
      { options, email },
    );
    expect(started).toMatchObject({ res: { email, emailVerified: false } }); // auth0.js camel-cases answers
    const code = await mailed(email, /Your code is <b>([0-9]{6})<\/b>/);

    const wrong = await page.evaluate(
      ({ options, email, code }) =>
        new Promise<unknown>((resolve) => {
          const webAuth = new (window as any).auth0.WebAuth(options);
          webAuth.passwordlessVerify({ connection: 'email', email, verificationCode: code }, (err: any) => resolve({ code: err?.code, description: err?.description, statusCode: err?.statusCode }));
        }),
      { options, email, code: code.replace(/^./, (d) => String((Number(d) + 1) % 10)) },
    );
    expect(wrong).toEqual({ code: 'invalid_user_password', description: 'Wrong email or verification code.', statusCode: 401 });

    await page.evaluate(
      ({ options, email, code }) => {
        const webAuth = new (window as any).auth0.WebAuth(options);
        webAuth.passwordlessVerify({ connection: 'email', email, verificationCode: code }, () => undefined);
      },
      { options, email, code },
    );
    const { origin, params } = await callbackSaw(page);
    expect(origin).toBe(new URL(callbackUrl).origin);
    expect(params.get('state')).toBe(`st-${version}`);
    expect(await verifiedClaims(params.get('id_token')!)).toMatchObject({ aud: 'demo', email, email_verified: true, nonce: `n-${version}` });
    expect(params.get('access_token')).toBeTruthy();
    expect(requests).toEqual(
      expect.arrayContaining([`POST ${front.url}/passwordless/start`, `POST ${front.url}/passwordless/verify`, `GET ${front.url}/passwordless/verify_redirect`]),
    );
    await context.close();
  });
});
