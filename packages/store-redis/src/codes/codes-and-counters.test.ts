import { describeCrossInstanceSuite } from '@oauth-ro/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, testPrefix } from '../../test/test-redis.js';
import { openRedisStores, type RedisStores } from '../open-redis-stores.js';

// Five instances of one deployment: five connections, one prefix.
describeCrossInstanceSuite('Redis', async () => {
  const { prefix, cleanup } = testPrefix();
  const instances = await Promise.all(Array.from({ length: 5 }, () => openRedisStores(TEST_REDIS_URL, { prefix })));
  return {
    instances,
    async close() {
      await Promise.all(instances.map((p) => p.close()));
      await cleanup();
    },
  };
});

describe('Redis counter keys', () => {
  const { prefix, cleanup } = testPrefix();
  let stores: RedisStores;
  beforeAll(async () => {
    stores = await openRedisStores(TEST_REDIS_URL, { prefix });
  });
  afterAll(async () => {
    await stores.close();
    await cleanup();
  });

  it('a counter key expires with its window', async () => {
    const now = Date.now();
    await stores.counters.increment('ttl', 200, now);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await stores.counters.reset('ttl')).toBe(false);
  });
});
