import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedRate } from './fixed-rate.js';

let server: Server;
let url: string;

beforeAll(async () => {
  // Answers 200 on /ok and 503 elsewhere.
  server = createServer((req, res) => {
    res.statusCode = req.url === '/ok' ? 200 : 503;
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fixedRate', () => {
  it('sends rate × seconds requests and counts 2xx answers', async () => {
    const r = await fixedRate({ method: 'GET', url: `${url}/ok`, headers: {} }, { perSecond: 40, seconds: 0.5 });
    expect(r.sent).toBe(20);
    expect(r.ok).toBe(20);
    expect(r.failed).toBe(0);
    expect(r.p50Ms).toBeLessThanOrEqual(r.p99Ms);
  });

  it('counts other statuses as failed', async () => {
    const r = await fixedRate({ method: 'POST', url: `${url}/nope`, headers: {}, body: '{}' }, { perSecond: 20, seconds: 0.5 });
    expect(r.ok).toBe(0);
    expect(r.failed).toBe(10);
  });
});
