import type { StoreBundle, StorePortName } from '@oauth-ro/core/ports';
import { createRedisPasswordHistoryStore } from './accounts/create-redis-password-history-store.js';
import { createRedisTicketStore } from './accounts/create-redis-ticket-store.js';
import { createRedisUsedAssertionStore } from './assertions/create-redis-used-assertion-store.js';
import { createRedisClient } from './client/create-redis-client.js';
import { toStoreError } from './client/to-store-error.js';
import { createRedisCodeStore } from './codes/create-redis-code-store.js';
import { createRedisCounterStore } from './counters/create-redis-counter-store.js';
import type { RedisStoreOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import { resolveUrl } from './resolve-url.js';

/**
 * The ports a deployment with a SQL store takes from Redis: the short-lived state every instance
 * shares (replay markers, passwordless codes, counters). For `combineStores`' `{ store, ports }`.
 */
export const REDIS_SHORT_LIVED_PORTS: readonly StorePortName[] = ['usedAssertions', 'codes', 'counters'];

/**
 * The stores oauth-ro keeps in Redis, over one connection: a {@link StoreBundle} named `redis`,
 * described `redis://host:port` (`rediss://` over TLS; never a user or password). Tickets and
 * password history are there too for deployments without a SQL store. Its `ping` sends `PING`
 * (core's `UnavailableError` when Redis does not answer); `close` closes the connection.
 */
export type RedisStores = StoreBundle<'usedAssertions' | 'codes' | 'counters' | 'tickets' | 'passwordHistory'>;

/**
 * Connects to Redis (`?prefix=name` on the URL sets the key prefix, like `options.prefix`) and returns the stores whose state is short-lived and shared by every instance.
 * Rejects with `UnavailableError` when Redis cannot be reached within `connectTimeoutMs`; later
 * outages turn single requests into 503s, and the client reconnects by itself.
 *
 * @example
 * const redis = await openRedisStores('redis://cache.internal:6379', { prefix: 'oauth-ro-prod' });
 * const { codes, counters, usedAssertions } = redis;
 * createOAuthRo({ config, deps: { ...postgres, codes, counters, usedAssertions, … } });
 */
export async function openRedisStores(value: string, options?: RedisStoreOptions): Promise<RedisStores> {
  const { url, options: withPrefix } = resolveUrl(value, options);
  const resolved = resolveOptions(withPrefix);
  const redis = createRedisClient(url, resolved);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw toStoreError(error);
  }
  const prefix = `${resolved.prefix}:`;
  const { protocol, host } = new URL(url);
  return {
    name: 'redis',
    description: `${protocol}//${host}`,
    usedAssertions: createRedisUsedAssertionStore(redis, prefix),
    codes: createRedisCodeStore(redis, prefix),
    counters: createRedisCounterStore(redis, prefix),
    tickets: createRedisTicketStore(redis, prefix),
    passwordHistory: createRedisPasswordHistoryStore(redis, prefix),
    async ping() {
      try {
        await redis.ping();
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
