import type { Logger } from '@oauth-ro/core/ports';

/** How {@link openRedisStores} connects. */
export interface RedisStoreOptions {
  /**
   * Prefix of every key (default `oauth-ro`), followed by `:`. One per deployment sharing a Redis;
   * every instance of one deployment must use the same prefix.
   */
  readonly prefix?: string;
  /** Longest wait for the first connection and for each reconnection attempt (default 5000 ms). */
  readonly connectTimeoutMs?: number;
  /** Longest wait for one command's answer before a 503 (default 2000 ms). */
  readonly commandTimeoutMs?: number;
  readonly logger?: Logger;
}

/** {@link RedisStoreOptions} with every default applied. */
export type ResolvedRedisStoreOptions = Required<RedisStoreOptions>;
