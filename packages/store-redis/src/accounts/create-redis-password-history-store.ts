import type { PasswordHistoryStore } from '@oauth-ro/core/ports';
import type { Redis } from 'ioredis';
import { toStoreError } from '../client/to-store-error.js';

/**
 * Earlier password hashes in Redis: one list per user, newest first, trimmed to `keep` in the same
 * transaction as the push.
 *
 * @example const passwordHistory = createRedisPasswordHistoryStore(redis, 'oauth-ro:');
 */
export function createRedisPasswordHistoryStore(redis: Redis, prefix: string): PasswordHistoryStore {
  const key = (user_id: string) => `${prefix}password-history:${user_id}`;
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error);
    }
  };
  return {
    recent: (user_id, limit) => wrap(() => redis.lrange(key(user_id), 0, Math.max(0, limit - 1))),
    add: (user_id, password_hash, _at, keep) =>
      wrap(async () => {
        await redis.multi().lpush(key(user_id), password_hash).ltrim(key(user_id), 0, Math.max(1, keep) - 1).exec();
      }),
    forget: (user_id) => wrap(async () => void (await redis.del(key(user_id)))),
  };
}
