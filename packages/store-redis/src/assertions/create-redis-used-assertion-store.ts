import type { UsedAssertionStore } from '@oauth-ro/core/ports';
import type { Redis } from 'ioredis';
import { luaScript, runScript } from '../client/run-script.js';

/**
 * KEYS[1] marker; ARGV[1] expires_at, ARGV[2] at (epoch ms). The decision uses the caller's clock
 * (`at`), like every store; Redis's own expiry only reclaims the key once it can no longer matter.
 */
const MARK_USED = luaScript(`
local current = redis.call('GET', KEYS[1])
local expires_at = tonumber(ARGV[1])
local at = tonumber(ARGV[2])
if current and tonumber(current) > at then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', math.max(expires_at - at, 1))
return 1
`);

/**
 * Replay markers for Touch ID assertions in Redis, one key per assertion that lives until the
 * assertion expires; check and set happen in one script, so instances racing on one assertion
 * agree on a single winner. Redis drops a marker when it expires, so the store has no `prune`.
 *
 * @example const usedAssertions = createRedisUsedAssertionStore(redis, 'oauth-ro:');
 */
export function createRedisUsedAssertionStore(redis: Redis, prefix: string): UsedAssertionStore {
  return {
    async markUsed(key, expires_at, at) {
      return (await runScript(redis, MARK_USED, [`${prefix}assertion:${key}`], [expires_at, at])) === 1;
    },
  };
}
