import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { toStoreError } from './to-store-error.js';

/** A Lua script, with the SHA-1 Redis caches it under. */
export interface LuaScript {
  readonly lua: string;
  readonly sha: string;
}

/**
 * Prepares a Lua script for {@link runScript}.
 *
 * @example const INCR = luaScript("return redis.call('INCR', KEYS[1])");
 */
export function luaScript(lua: string): LuaScript {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

/**
 * Runs a script atomically by its SHA (`EVALSHA`), sending the source once if Redis does not have it
 * yet (after a restart, say). Outages reject with `UnavailableError`.
 *
 * @example const n = await runScript(redis, INCR, ['k'], []);
 */
export async function runScript(redis: Redis, script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  try {
    try {
      return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await redis.eval(script.lua, keys.length, ...keys, ...args);
    }
  } catch (error) {
    throw toStoreError(error);
  }
}
