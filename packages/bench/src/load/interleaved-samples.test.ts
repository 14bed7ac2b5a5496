import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interleavedSamples, percentileOf } from './interleaved-samples.js';

describe('percentileOf', () => {
  it('takes the nearest rank of unsorted values', () => {
    expect(percentileOf([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentileOf([5, 1, 4, 2, 3], 90)).toBe(5);
    expect(percentileOf([], 50)).toBeNaN();
  });
});

describe('interleavedSamples', () => {
  const seen: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    seen.push(req.url ?? '');
    setImmediate(() => {
      inFlight -= 1;
      res.statusCode = req.url === '/b' ? 401 : 200;
      res.end('{}');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('takes the same number of samples per class, one request at a time, rotating the order', async () => {
    const get = (path: string) => ({ method: 'GET' as const, url: `${url}${path}`, headers: {} });
    const result = await interleavedSamples({ a: get('/a'), b: get('/b'), c: get('/c') }, { samples: 4, warmupRounds: 1 });
    expect(result.map((r) => [r.name, r.latenciesMs.length])).toEqual([['a', 4], ['b', 4], ['c', 4]]);
    expect(result[1]!.statuses).toEqual({ 401: 4 });
    expect(maxInFlight).toBe(1);
    expect(seen.slice(0, 6)).toEqual(['/a', '/b', '/c', '/b', '/c', '/a']);
  });
});
