import { Redis } from 'ioredis';
import type { ResolvedRedisStoreOptions } from '../options.js';

/**
 * An ioredis client that fails fast instead of queueing: while disconnected, commands reject at
 * once (no offline queue), a command that gets no answer rejects after `commandTimeoutMs`, and a
 * command cut off by a disconnection is not resent (an increment must not count twice). It keeps
 * reconnecting in the background, backing off up to two seconds, so service resumes by itself.
 * Connection errors are logged, never thrown at the process.
 *
 * @example const redis = createRedisClient('redis://127.0.0.1:6379', resolvedOptions);
 */
export function createRedisClient(url: string, options: ResolvedRedisStoreOptions): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    connectionName: 'oauth-ro',
  });
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    // A down Redis errors on every reconnection attempt; one line every ten seconds is enough.
    const now = Date.now();
    if (now - lastLogged < 10_000) return;
    lastLogged = now;
    options.logger.warn({ err: { name: error.name, message: error.message } }, 'Redis connection failed');
  });
  return redis;
}
