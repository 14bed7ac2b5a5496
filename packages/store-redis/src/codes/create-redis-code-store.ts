import type { CodeConsumption, CodeStore } from '@oauth-ro/core/ports';
import type { Redis } from 'ioredis';
import { luaScript, runScript } from '../client/run-script.js';

/** Redis may forget a code this long after its expiry by the server clock; until then `at` decides. */
const GRACE_MS = 60_000;

/** Constant-time equality of two strings, in Lua (Redis ships the `bit` library). */
const EQUAL = `
local function equal(a, b)
  local diff = (#a == #b) and 0 or 1
  for i = 1, #a do diff = bit.bor(diff, bit.bxor(string.byte(a, i), string.byte(b, i) or 0)) end
  return diff == 0
end
`;

/** KEYS[1] code hash, KEYS[2] expiry index; ARGV code_hash, expires_at, max_attempts, ttl_ms. */
const ISSUE = luaScript(`
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'h', ARGV[1], 'e', ARGV[2], 'm', ARGV[3], 'a', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[2], KEYS[1])
-- Index entries a day older than this code's expiry belong to codes Redis has long since expired.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. string.format('%.0f', tonumber(ARGV[2]) - 86400000))
return 1
`);

/**
 * KEYS[1] code hash, KEYS[2] expiry index; ARGV presented hash, at, keep ('1': a match stays, for
 * `check`). Returns {0} absent, {1} accepted, {2, left} rejected.
 */
const CONSUME = luaScript(`${EQUAL}
local code = redis.call('HMGET', KEYS[1], 'h', 'e', 'm', 'a')
if not code[1] then return {0} end
local at = tonumber(ARGV[2])
local max_attempts = tonumber(code[3])
local function drop() redis.call('DEL', KEYS[1]); redis.call('ZREM', KEYS[2], KEYS[1]) end
if tonumber(code[2]) <= at or tonumber(code[4]) >= max_attempts then drop(); return {0} end
if equal(code[1], ARGV[1]) then
  if ARGV[3] ~= '1' then drop() end
  return {1}
end
local left = max_attempts - redis.call('HINCRBY', KEYS[1], 'a', 1)
if left <= 0 then drop(); return {2, 0} end
return {2, left}
`);

/** KEYS[1] code hash, KEYS[2] expiry index; ARGV code_hash. */
const REVOKE = luaScript(`${EQUAL}
local current = redis.call('HGET', KEYS[1], 'h')
if not current or not equal(current, ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return 1
`);

/** KEYS[1] expiry index; ARGV before. Deletes codes expired before it that still exist; returns how many. */
const PRUNE = luaScript(`
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
local deleted = 0
for _, key in ipairs(stale) do
  deleted = deleted + redis.call('DEL', key)
  redis.call('ZREM', KEYS[1], key)
end
return deleted
`);

/**
 * Passwordless codes in Redis: one hash per (connection, recipient) holding the keyed code hash,
 * expiry, allowed and used tries. Every operation is one Lua script, so instances racing on a code
 * count each wrong try and accept a right one once; the comparison is constant-time inside Redis.
 * Keys expire by themselves shortly after the code; a sorted set indexes expiries for `prune`.
 *
 * @example const codes = createRedisCodeStore(redis, 'oauth-ro:');
 */
export function createRedisCodeStore(redis: Redis, prefix: string): CodeStore {
  const index = `${prefix}codes:expiry`;
  // Connection names and recipients are encoded so that no pair can collide with another.
  const keyOf = (connection: string, recipient: string) =>
    `${prefix}code:${encodeURIComponent(connection)}:${encodeURIComponent(recipient)}`;

  const present = async (connection: string, recipient: string, code_hash: string, at: number, keep: boolean): Promise<CodeConsumption> => {
    const args = [code_hash, at, keep ? '1' : '0'];
    const [kind, left] = (await runScript(redis, CONSUME, [keyOf(connection, recipient), index], args)) as [number, number?];
    if (kind === 1) return { outcome: 'accepted' };
    if (kind === 2) return { outcome: 'rejected', attempts_left: left ?? 0 };
    return { outcome: 'absent' };
  };

  return {
    async issue(connection, recipient, record) {
      const ttl = Math.max(record.expires_at - Date.now(), 0) + GRACE_MS;
      await runScript(redis, ISSUE, [keyOf(connection, recipient), index], [record.code_hash, record.expires_at, record.max_attempts, ttl]);
    },

    consume(connection, recipient, code_hash, at) {
      return present(connection, recipient, code_hash, at, false);
    },

    check(connection, recipient, code_hash, at) {
      return present(connection, recipient, code_hash, at, true);
    },

    async revoke(connection, recipient, code_hash) {
      return (await runScript(redis, REVOKE, [keyOf(connection, recipient), index], [code_hash])) === 1;
    },

    async prune(before) {
      return Number(await runScript(redis, PRUNE, [index], [before]));
    },
  };
}
