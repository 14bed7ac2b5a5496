import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The server tests use: `OAUTH_RO_TEST_REDIS` or the machine's Redis. */
export const TEST_REDIS_URL = process.env.OAUTH_RO_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/**
 * A random key prefix for one test run, and a function that deletes every key starting with it
 * (also those of sub-prefixes such as `${prefix}-1`).
 *
 * @example
 * const { prefix, cleanup } = testPrefix();
 * afterAll(cleanup);
 */
export function testPrefix(): { prefix: string; cleanup: () => Promise<void> } {
  const prefix = `oauth-ro-test-${randomBytes(6).toString('hex')}`;
  return {
    prefix,
    async cleanup() {
      const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        await redis.quit();
      }
    },
  };
}
