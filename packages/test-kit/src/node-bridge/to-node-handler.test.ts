import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES, type OAuthRequest } from '@oauth-ro/core';
import { toNodeHandler } from '@oauth-ro/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOAuthRo, type TestOAuthRo } from '@oauth-ro/conformance';

/** Core's Node bridge on Node's own HTTP server, with no framework: what the adapters build on. */
let test: TestOAuthRo;
let server: Server;
let base: string;
const seen: OAuthRequest[] = [];

beforeAll(async () => {
  test = await createTestOAuthRo();
  // Records what core is handed, then lets core answer.
  const recording = { handle: (r: OAuthRequest) => (seen.push(r), test.oauthRo.handle(r)) };
  server = createServer(toNodeHandler(recording, { prefix: '/auth' })).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await test.oauthRo.close();
});

/** Sends a body in chunks without a Content-Length (chunked), as a client that lies by omission does. */
function sendChunked(path: string, chunks: number, size: number): Promise<{ status: number; connection?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
    });
    req.on('error', reject);
    let sent = 0;
    const next = (): void => {
      if (sent === chunks) return void req.end();
      sent += 1;
      // The server may answer and close mid-stream; a failed write is that, not a test error.
      req.write('x'.repeat(size), () => setImmediate(next));
    };
    next();
  });
}

describe('toNodeHandler (core/node)', () => {
  it('strips the prefix, splits the query and joins repeated headers', async () => {
    const res = await fetch(`${base}/auth/health?probe=1`, { headers: [['x-a', '1'], ['x-a', '2']] });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', path: '/health', query: 'probe=1', headers: { 'x-a': '1, 2' }, rawBody: '' });
    expect(seen.at(-1)!.ip).toMatch(/127\.0\.0\.1$/);
  });

  it('answers a chunked body over 16 KiB with 413 and Connection: close, having read no more than the cap', async () => {
    const res = await sendChunked('/auth/oauth/ro', 64, 1024);
    expect(res).toMatchObject({ status: 413, connection: 'close' });
    expect(JSON.parse(res.body)).toEqual({ error: 'invalid_request', error_description: 'request body too large' });
    expect(seen.at(-1)).toMatchObject({ bodyTooLarge: true });
    expect(seen.at(-1)!.rawBody).toBeUndefined();
  });

  it('reads a body of exactly 16 KiB, and refuses a declared length over it without reading', async () => {
    const exact = await sendChunked('/auth/oauth/ro', MAX_BODY_BYTES / 1024, 1024);
    expect(exact.status).toBe(400);
    expect(seen.at(-1)!.rawBody).toHaveLength(MAX_BODY_BYTES);
    const declared = await fetch(`${base}/auth/oauth/ro`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(declared.status).toBe(413);
  });

  it('answers an unknown path with the contract 404', async () => {
    const res = await fetch(`${base}/auth/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', error_description: 'no route for GET /nope' });
  });
});
