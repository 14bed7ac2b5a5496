import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { oauthRoApp } from '@oauth-ro/hono';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOAuthRo, TEST_CLIENTS, type TestOAuthRo } from '@oauth-ro/conformance';

/**
 * Hono on `@hono/node-server`: the adapter reads a body from Node's own request unless a middleware
 * has started reading it, and otherwise from Hono's cache of what the middleware read (docs/spec.md §5.3).
 */
let test: TestOAuthRo;
let server: ReturnType<typeof serve>;
let port = 0;
const app = new Hono();

function post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; json: Record<string, unknown>; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown>, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
    });
    // The server may answer (and close) before a too-large body is all sent.
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  test = await createTestOAuthRo();
  // A host middleware that reads the body of one route before oauth-ro sees it.
  app.use('/read-first/*', async (c, next) => {
    if (c.req.method === 'POST') await c.req.json().catch(() => undefined);
    await next();
  });
  app.route('/read-first', oauthRoApp(test.oauthRo));
  app.route('/', oauthRoApp(test.oauthRo));
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await test.oauthRo.close();
});

describe('Hono on Node: request bodies', () => {
  const tokenInfo = (prefix: string) => post(`${prefix}/tokeninfo`, JSON.stringify({ id_token: 'not-a-token' }));

  it('reads a JSON and a form body from Node’s request', async () => {
    expect(await tokenInfo('')).toMatchObject({ status: 401, json: { error: 'invalid_token' } });
    const form = await post('/oauth/ro', new URLSearchParams({ client_id: TEST_CLIENTS.rs256, grant_type: 'password', connection: 'nope', username: 'a', password: 'b' }).toString(), 'application/x-www-form-urlencoded');
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect(form.json.error).toEqual(expect.any(String));
  });

  it('still reads a body a host middleware has already read, on Node and through app.request (Workers, Bun)', async () => {
    expect(await tokenInfo('/read-first')).toMatchObject({ status: 401, json: { error: 'invalid_token' } });
    const fetched = await app.request('/read-first/tokeninfo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id_token: 'not-a-token' }) });
    expect([fetched.status, await fetched.json()]).toEqual([401, expect.objectContaining({ error: 'invalid_token' })]);
  });

  it('answers a body over 16 KiB 413 and closes the connection', async () => {
    const big = await post('/tokeninfo', JSON.stringify({ id_token: 'x'.repeat(20_000) }));
    expect(big).toMatchObject({ status: 413, connection: 'close' });
  });
});
