import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, testPrefix } from '../../test/test-redis.js';
import { openRedisStores, type RedisStores } from '../open-redis-stores.js';

const { prefix, cleanup } = testPrefix();
let instances: RedisStores[];
beforeAll(async () => {
  instances = await Promise.all(Array.from({ length: 5 }, () => openRedisStores(TEST_REDIS_URL, { prefix })));
});
afterAll(async () => {
  await Promise.all(instances.map((s) => s.close()));
  await cleanup();
});

describe('Redis used-assertion store', () => {
  it('five instances marking one assertion at once: exactly one wins', async () => {
    const results = await Promise.all(instances.map((s) => s.usedAssertions.markUsed('jti-race', Date.now() + 60_000, Date.now())));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a marker holds until expires_at by the caller\'s clock', async () => {
    const store = instances[0]!.usedAssertions;
    expect(await store.markUsed('jti-2', 10_000, 1000)).toBe(true);
    expect(await store.markUsed('jti-2', 20_000, 9_999)).toBe(false);
    expect(await store.markUsed('jti-2', 20_000, 10_000)).toBe(true);
    expect(await store.markUsed('jti-2', 30_000, 19_999)).toBe(false);
  });
});
