import { createServer } from 'node:net';
import { isUnavailableError } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '@oauth-ro/test-kit';
import { TEST_REDIS_URL, testPrefix } from '../../test/test-redis.js';
import { openRedisStores } from '../open-redis-stores.js';

const { prefix, cleanup } = testPrefix();
let proxy: TcpProxy;
beforeAll(async () => {
  proxy = await startTcpProxy(Number(new URL(TEST_REDIS_URL).port || 6379), new URL(TEST_REDIS_URL).hostname);
});
afterAll(async () => {
  await proxy.close();
  await cleanup();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  try {
    await promise;
    return { error: undefined, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

async function eventually(check: () => Promise<unknown>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('Redis unreachable', () => {
  it('opening on a closed port rejects with UnavailableError', async () => {
    const { error, ms } = await timed(openRedisStores(`redis://127.0.0.1:${await closedPort()}`, { prefix, connectTimeoutMs: 1000 }));
    expect(isUnavailableError(error)).toBe(true);
    expect(ms).toBeLessThan(3000);
  });

  it('commands fail with UnavailableError while Redis is gone and work again when it is back', async () => {
    const stores = await openRedisStores(`redis://127.0.0.1:${proxy.port}`, { prefix, connectTimeoutMs: 500, commandTimeoutMs: 500 });
    try {
      expect(await stores.usedAssertions.markUsed('a', Date.now() + 60_000, Date.now())).toBe(true);
      await proxy.stop();
      for (let i = 0; i < 5; i++) {
        const { error, ms } = await timed(stores.usedAssertions.markUsed(`b${i}`, Date.now() + 60_000, Date.now()));
        expect(isUnavailableError(error)).toBe(true);
        expect(ms).toBeLessThan(3000);
      }
      await expect(stores.ping()).rejects.toSatisfy(isUnavailableError);
      await proxy.start();
      await eventually(() => stores.ping(), 5000);
      expect(await stores.usedAssertions.markUsed('a', Date.now() + 60_000, Date.now())).toBe(false);
    } finally {
      await stores.close();
    }
  });

  it('a Redis that stops answering gives UnavailableError within the command timeout', async () => {
    const stores = await openRedisStores(`redis://127.0.0.1:${proxy.port}`, { prefix, connectTimeoutMs: 500, commandTimeoutMs: 300 });
    try {
      await stores.ping();
      proxy.frozen = true;
      const { error, ms } = await timed(stores.usedAssertions.markUsed('c', Date.now() + 60_000, Date.now()));
      expect(isUnavailableError(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(250);
      expect(ms).toBeLessThan(3000);
    } finally {
      proxy.frozen = false;
      await stores.close();
    }
  });
});
