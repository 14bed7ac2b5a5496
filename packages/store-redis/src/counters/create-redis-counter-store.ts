import { COUNTER_LIST_LIMIT, type CounterEntry, type CounterStore } from '@oauth-ro/core/ports';
import type { Redis } from 'ioredis';
import { luaScript, runScript } from '../client/run-script.js';
import { toStoreError } from '../client/to-store-error.js';

/** KEYS[1] counter hash: one less, never below zero, window kept. */
const RELEASE = luaScript(`
local count = tonumber(redis.call('HGET', KEYS[1], 'c'))
if count and count > 0 then redis.call('HINCRBY', KEYS[1], 'c', -1) end
return 0
`);

/**
 * KEYS[1] counter hash {c, r}; ARGV at, window_ms. Returns {count, resets_at} as strings (epoch ms
 * exceed what Lua prints exactly by default). The key expires with its window.
 */
const INCREMENT = luaScript(`
local at = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local resets_at = tonumber(redis.call('HGET', KEYS[1], 'r'))
if not resets_at or resets_at <= at then
  resets_at = at + window
  redis.call('HSET', KEYS[1], 'c', 1, 'r', string.format('%.0f', resets_at))
  redis.call('PEXPIRE', KEYS[1], math.max(window, 1))
  return {'1', string.format('%.0f', resets_at)}
end
return {tostring(redis.call('HINCRBY', KEYS[1], 'c', 1)), string.format('%.0f', resets_at)}
`);

/**
 * KEYS[1] counter hash; ARGV slot, limit, lease_ms, at. Slots in flight are fields `s:<slot>` of the
 * counter's own hash (one key, so the script stays on one cluster slot) holding their lease end.
 * Returns {'granted'} | {'blocked', resets_at} | {'busy'}.
 */
const ACQUIRE = luaScript(`
local limit = tonumber(ARGV[2])
local at = tonumber(ARGV[4])
local fields = redis.call('HGETALL', KEYS[1])
local failures, resets_at, slots = 0, nil, 0
local r, c = nil, nil
for i = 1, #fields, 2 do
  local f, v = fields[i], fields[i + 1]
  if f == 'r' then r = tonumber(v) elseif f == 'c' then c = tonumber(v)
  elseif string.sub(f, 1, 2) == 's:' then
    if tonumber(v) <= at then redis.call('HDEL', KEYS[1], f) else slots = slots + 1 end
  end
end
if r and r > at and c then failures = c; resets_at = r end
if failures >= limit then return {'blocked', string.format('%.0f', resets_at)} end
if failures + slots >= limit then return {'busy'} end
local lease_end = at + tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 's:' .. ARGV[1], string.format('%.0f', lease_end))
local ttl = redis.call('PTTL', KEYS[1])
if ttl < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[3]), 1)) end
return {'granted'}
`);

/**
 * KEYS[1] counter hash; ARGV slot, outcome, at, window_ms. Frees the slot, then counts a failure (as
 * INCREMENT does, keeping the key alive for the longer of window and leases), forgets the count on
 * success, or nothing.
 */
const SETTLE = luaScript(`
redis.call('HDEL', KEYS[1], 's:' .. ARGV[1])
local outcome = ARGV[2]
if outcome == 'success' then
  redis.call('HDEL', KEYS[1], 'c', 'r')
elseif outcome == 'failure' then
  local at = tonumber(ARGV[3])
  local window = tonumber(ARGV[4])
  local resets_at = tonumber(redis.call('HGET', KEYS[1], 'r'))
  if not resets_at or resets_at <= at then
    redis.call('HSET', KEYS[1], 'c', 1, 'r', string.format('%.0f', at + window))
    if redis.call('PTTL', KEYS[1]) < window then redis.call('PEXPIRE', KEYS[1], math.max(window, 1)) end
  else
    redis.call('HINCRBY', KEYS[1], 'c', 1)
  end
end
return 0
`);

/** SCAN rounds one `list` may take (each asks for 1000 keys), so listing a huge key space stays bounded. */
const MAX_SCAN_ROUNDS = 1000;

/** A glob pattern that matches `text` literally (SCAN's MATCH treats `* ? [ ] \` as pattern characters). */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/**
 * Fixed-window counters in Redis (brute-force failures, passwordless send throttles), shared by
 * every instance: an increment is one Lua script, so concurrent increments add up exactly and a
 * window starts exactly once. Windows follow the caller's clock (`at`); Redis drops a counter when
 * its window has passed, so the store has no `prune`.
 *
 * @example const counters = createRedisCounterStore(redis, 'oauth-ro:');
 */
export function createRedisCounterStore(redis: Redis, prefix: string): CounterStore {
  const keyOf = (key: string) => `${prefix}counter:${key}`;
  return {
    async increment(key, window_ms, at) {
      const [count, resets_at] = (await runScript(redis, INCREMENT, [keyOf(key)], [at, window_ms])) as [string, string];
      return { count: Number(count), resets_at: Number(resets_at) };
    },

    async get(key, at) {
      try {
        const [count, resets_at] = await redis.hmget(keyOf(key), 'c', 'r');
        return count !== null && resets_at !== null && Number(resets_at) > at ? Number(count) : 0;
      } catch (error) {
        throw toStoreError(error);
      }
    },

    async reset(key) {
      try {
        return (await redis.del(keyOf(key))) > 0;
      } catch (error) {
        throw toStoreError(error);
      }
    },

    async release(key) {
      try {
        await runScript(redis, RELEASE, [keyOf(key)], []);
      } catch (error) {
        throw toStoreError(error);
      }
    },

    async acquire(key, slot, limit, lease_ms, at) {
      const reply = (await runScript(redis, ACQUIRE, [keyOf(key)], [slot, limit, lease_ms, at])) as [string, string?];
      if (reply[0] === 'granted') return { granted: true };
      if (reply[0] === 'blocked') return { granted: false, reason: 'blocked', resets_at: Number(reply[1]) };
      return { granted: false, reason: 'busy' };
    },

    async settle(key, slot, outcome, window_ms, at) {
      await runScript(redis, SETTLE, [keyOf(key)], [slot, outcome, at, window_ms]);
    },

    async list(listPrefix, at) {
      try {
        const match = `${globLiteral(keyOf(listPrefix))}*`;
        const seen = new Set<string>();
        let cursor = '0';
        let rounds = 0;
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
          for (const k of keys) seen.add(k);
          cursor = next;
        } while (cursor !== '0' && seen.size < COUNTER_LIST_LIMIT && ++rounds < MAX_SCAN_ROUNDS);
        const keys = [...seen].slice(0, COUNTER_LIST_LIMIT);
        const pipeline = redis.pipeline();
        for (const k of keys) pipeline.hmget(k, 'c', 'r');
        const replies = (await pipeline.exec()) ?? [];
        const out: CounterEntry[] = [];
        keys.forEach((k, i) => {
          const [error, value] = replies[i] ?? [];
          const [count, resets_at] = (error ? [null, null] : value) as [string | null, string | null];
          if (count !== null && resets_at !== null && Number(resets_at) > at) {
            out.push({ key: k.slice(keyOf('').length), count: Number(count), resets_at: Number(resets_at) });
          }
        });
        return out;
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
}
