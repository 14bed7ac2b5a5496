import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoop } from './open-loop.js';

let server: Server;
let url: string;

beforeAll(async () => {
  // /ok answers 200; /full a 503 with Retry-After; /bare a 503 without.
  server = createServer((req, res) => {
    if (req.url === '/ok') return res.end('{}');
    res.statusCode = 503;
    if (req.url === '/full') res.setHeader('retry-after', '1');
    res.end(JSON.stringify({ error: 'temporarily_unavailable', error_description: req.url === '/full' ? 'queue full' : 'no header' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('openLoop', () => {
  it('sends pick(i) for rate × seconds requests and keeps answers apart by status and 503 reason', async () => {
    const paths = ['/ok', '/full', '/ok', '/bare'];
    const r = await openLoop((i) => ({ method: 'GET', url: `${url}${paths[i % paths.length]}`, headers: {} }), { perSecond: 40, seconds: 0.5 });
    expect(r.sent).toBe(20);
    expect(r.statuses).toEqual({ '200': 10, '503': 10 });
    expect(r.okLatenciesMs).toHaveLength(10);
    expect(r.unavailableBy).toEqual({ 'queue full': 5, 'no header': 5 });
    expect(r.unavailableWithoutRetryAfter).toBe(5);
  });
});
