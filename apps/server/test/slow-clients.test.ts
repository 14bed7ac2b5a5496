import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

/** Slow clients get bounded time (issue #14, item 9): the server's timeouts, set short here. */
const TIMEOUTS = {
  OAUTH_RO_REQUEST_TIMEOUT_SECONDS: '1.5',
  OAUTH_RO_HEADERS_TIMEOUT_SECONDS: '1',
  OAUTH_RO_KEEP_ALIVE_TIMEOUT_SECONDS: '1',
  OAUTH_RO_IDLE_TIMEOUT_SECONDS: '2',
};
/** Node checks the deadlines every second: a timeout plus one check, plus scheduling slack on a busy machine. */
const SLACK_MS = 2500;

let temp: Awaited<ReturnType<typeof tempDir>>;
let server: ServerProcess & { url: string };
let port: number;
beforeAll(async () => {
  temp = await tempDir();
  server = await startServerProcess({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'slow.db')}`, ...TIMEOUTS });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.kill();
  await temp?.cleanup();
});

/** A raw connection: what the server sent, and when it closed the connection (ms after opening). */
async function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => {});
  const closed = once(socket, 'close').then(() => Date.now() - started);
  await once(socket, 'connect');
  return { socket, received: () => text, closed };
}

/** Writes one byte every `everyMs` until the connection closes or `bytes` have gone out. */
function trickle(socket: Socket, bytes: number, everyMs: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= bytes) return clearInterval(timer);
    socket.write('a');
    sent += 1;
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

function expectTimeoutAnswer(text: string): void {
  const [head, body] = text.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 408 /);
  expect(head).toMatch(/\r\nconnection: close/i);
  expect(JSON.parse(body ?? '')).toEqual({ error: 'invalid_request', error_description: 'the request did not arrive in time' });
}

describe('slow clients', () => {
  it('answers 100 connections trickling a 16 KB body with 408 and closes them within the request timeout, serving others meanwhile', async () => {
    const clients = await Promise.all(Array.from({ length: 100 }, () => open()));
    for (const { socket } of clients) {
      socket.write('POST /oauth/ro HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 16000\r\n\r\n{');
      trickle(socket, 16_000, 100);
    }
    // A well-behaved client is answered at once while the slow ones hold their connections.
    const started = Date.now();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    const closedAfter = await Promise.all(clients.map((c) => c.closed));
    expect(Math.max(...closedAfter)).toBeLessThan(1500 + SLACK_MS);
    for (const client of clients) expectTimeoutAnswer(client.received());
  }, 20_000);

  it('answers headers that trickle in with 408 within the headers timeout', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => open()));
    for (const { socket } of clients) {
      socket.write('GET /health HTTP/1.1\r\nx-slow: ');
      trickle(socket, 10_000, 100);
    }
    const closedAfter = await Promise.all(clients.map((c) => c.closed));
    expect(Math.max(...closedAfter)).toBeLessThan(1000 + SLACK_MS);
    for (const client of clients) expectTimeoutAnswer(client.received());
  }, 20_000);

  it('closes a connection that sends nothing within the headers timeout, and an idle keep-alive one after the keep-alive timeout', async () => {
    const silent = await open();
    const kept = await open();
    kept.socket.write('GET /health HTTP/1.1\r\nhost: x\r\n\r\n');
    const [silentAfter, keptAfter] = await Promise.all([silent.closed, kept.closed]);
    expectTimeoutAnswer(silent.received());
    expect(silentAfter).toBeLessThan(1000 + SLACK_MS);
    expect(kept.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(keptAfter).toBeLessThan(1000 + SLACK_MS);
  }, 20_000);
});
