import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startServerProcess, tempDir } from './spawn-server.js';

/**
 * Every answer of the standalone server is the contract's `{"error","error_description"}` (issue #14,
 * item 14), Fastify's own `{"message","error","statusCode"}` never; the health probes keep theirs.
 */
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp?.cleanup();
});

async function start(env: Record<string, string> = {}) {
  const server = await startServerProcess({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, `${Math.random().toString(36).slice(2)}.db`)}`, ...env });
  onTestFinished(() => server.kill());
  return server;
}

function expectContractError(res: { status: number; headers: Headers }, json: unknown, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(json as object).sort()).toEqual(['error', 'error_description']);
  expect(json).toMatchObject({ error });
}

describe('the shape of every answer of the standalone server', () => {
  it('answers unknown paths, unknown methods and malformed bodies at unknown paths in the contract shape', async () => {
    const server = await start();
    const cases: [string, RequestInit, number, string][] = [
      ['/no-such-route', {}, 404, 'not_found'],
      ['/api/v2/users/a/b', { method: 'DELETE' }, 404, 'not_found'],
      ['/no-such-route', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }, 404, 'not_found'],
      ['/no-such-route', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(20_000) }, 404, 'not_found'],
      ['/oauth/ro', { method: 'PUT' }, 405, 'invalid_request'],
      ['/userinfo', { method: 'DELETE' }, 405, 'invalid_request'],
      ['/%E0%A4%A', {}, 400, 'invalid_request'],
    ];
    for (const [path, init, status, error] of cases) {
      const res = await fetch(`${server.url}${path}`, init);
      expectContractError(res, await res.json(), status, error);
    }
    // A trailing slash Fastify's router does not match is still oauth-ro's route.
    const health = await fetch(`${server.url}/.well-known/jwks.json/`);
    expect(health.status).toBe(200);
    expect(await fetch(`${server.url}/health`).then((r) => r.json())).toEqual({ status: 'ok' });
  });

  it('answers a request that arrives while shutting down with 503 temporarily_unavailable, Retry-After and Connection: close', async () => {
    // Long client timeouts: the half-sent request below must outlive a slow shutdown on a busy machine.
    const server = await start({ OAUTH_RO_REQUEST_TIMEOUT_SECONDS: '60', OAUTH_RO_HEADERS_TIMEOUT_SECONDS: '60' });
    const port = Number(new URL(server.url).port);
    // One answer first: by then the process has installed its signal handlers (just after "listening").
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // A connection whose request has begun is not idle, so closing the server leaves it open.
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    await once(socket, 'connect');
    socket.write('GET /.well-known/jwks.json HTTP/1.1\r\nhost: x\r\n');
    server.child.kill('SIGTERM');
    await server.waitForLine(/shutting down/);
    // The listener closes after the server has started closing: from then on a request is late.
    for (let i = 0; i < 100 && (await fetch(`${server.url}/health`).then(() => true, () => false)); i++);
    socket.write('\r\n');
    await once(socket, 'close');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head).toMatch(/\r\nretry-after: 5\r\n/i);
    expect(head).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(body ?? '')).toEqual({ error: 'temporarily_unavailable', error_description: 'the server is shutting down' });
    expect(await server.exited).toBe(0);
  });
});
