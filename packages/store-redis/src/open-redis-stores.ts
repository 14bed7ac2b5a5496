import type { CodeStore, CounterStore, PasswordHistoryStore, TicketStore, UsedAssertionStore } from '@oauth-ro/core/ports';
import { createRedisPasswordHistoryStore } from './accounts/create-redis-password-history-store.js';
import { createRedisTicketStore } from './accounts/create-redis-ticket-store.js';
import { createRedisUsedAssertionStore } from './assertions/create-redis-used-assertion-store.js';
import { createRedisClient } from './client/create-redis-client.js';
import { toStoreError } from './client/to-store-error.js';
import { createRedisCodeStore } from './codes/create-redis-code-store.js';
import { createRedisCounterStore } from './counters/create-redis-counter-store.js';
import type { RedisStoreOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';

/** The stores oauth-ro keeps in Redis, over one connection. */
export interface RedisStores {
  readonly usedAssertions: UsedAssertionStore;
  readonly codes: CodeStore;
  readonly counters: CounterStore;
  /** Reset and verification tickets (optional: a SQL store keeps them too). */
  readonly tickets: TicketStore;
  readonly passwordHistory: PasswordHistoryStore;
  /** Resolves when Redis answers `PING`; rejects with core's `UnavailableError` otherwise (for readiness). */
  ping(): Promise<void>;
  /** Closes the connection. */
  close(): Promise<void>;
}

/**
 * Connects to Redis and returns the stores whose state is short-lived and shared by every instance.
 * Rejects with `UnavailableError` when Redis cannot be reached within `connectTimeoutMs`; later
 * outages turn single requests into 503s, and the client reconnects by itself.
 *
 * @example
 * const redis = await openRedisStores('redis://cache.internal:6379', { prefix: 'oauth-ro-prod' });
 * const { codes, counters, usedAssertions } = redis;
 * createOAuthRo({ config, deps: { ...postgres, codes, counters, usedAssertions, … } });
 */
export async function openRedisStores(url: string, options?: RedisStoreOptions): Promise<RedisStores> {
  const resolved = resolveOptions(options);
  const redis = createRedisClient(url, resolved);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw toStoreError(error);
  }
  const prefix = `${resolved.prefix}:`;
  return {
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
