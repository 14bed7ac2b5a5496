import { COUNTER_LIST_LIMIT, type CounterEntry, type CounterStore } from '@oauth-ro/core';
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
