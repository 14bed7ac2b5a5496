import { silentLogger } from '@oauth-ro/core/ports';
import type { RedisStoreOptions, ResolvedRedisStoreOptions } from './options.js';

/**
 * Applies the defaults.
 *
 * @example resolveOptions({ prefix: 'prod' }).commandTimeoutMs; // 2000
 */
export function resolveOptions(options: RedisStoreOptions = {}): ResolvedRedisStoreOptions {
  const prefix = options.prefix ?? 'oauth-ro';
  if (prefix === '' || /[\s*?[\]]/.test(prefix)) throw new Error(`Redis key prefix must be non-empty, without spaces or glob characters; got ${JSON.stringify(prefix)}`);
  return {
    prefix,
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    commandTimeoutMs: options.commandTimeoutMs ?? 2000,
    logger: options.logger ?? silentLogger,
  };
}
