import type { Logger } from '@oauth-ro/core';
import { StartupError } from '../config/startup-error.js';
import type { DatabaseLocation } from '../env/read-environment.js';
import { openDatabaseStores } from './open-database-stores.js';
import type { ServerStores } from './server-stores.js';

/**
 * `?prefix=name` on the Redis URL sets the key prefix (default `oauth-ro`), one per deployment
 * sharing a Redis, like `?schema=` on the PostgreSQL URL; it is not passed to the client.
 */
function redisPrefix(value: string): { url: string; prefix?: string } {
  const url = new URL(value);
  const prefix = url.searchParams.get('prefix');
  if (prefix === null) return { url: value };
  url.searchParams.delete('prefix');
  return { url: url.toString(), prefix };
}

/** Where the server keeps its state: `OAUTH_RO_DATABASE` and, optionally, `OAUTH_RO_REDIS`. */
export interface StoreLocations {
  readonly database: DatabaseLocation;
  readonly redis?: string;
  /** Migrate the PostgreSQL schema on open (default true; `OAUTH_RO_MIGRATE=false`). */
  readonly migrate?: boolean;
}

/**
 * Opens the database stores and, with a Redis URL, the Redis stores, which then replace the
 * database's for the short-lived state they cover (replay markers, passwordless codes, counters;
 * shared by every instance). Pinging pings both; closing closes both.
 *
 * @example
 * const stores = await openStores({ database: { kind: 'sqlite', path: './data/oauth-ro.db' } }, logger);
 */
export async function openStores(locations: StoreLocations, logger: Logger): Promise<ServerStores> {
  const database = await openDatabaseStores(locations.database, logger, locations.migrate ?? true);
  if (locations.redis === undefined) return database;
  let redis: Awaited<ReturnType<typeof import('@oauth-ro/store-redis').openRedisStores>>;
  try {
    // Imported on demand, like the PostgreSQL driver.
    const { openRedisStores } = await import('@oauth-ro/store-redis');
    const { url, prefix } = redisPrefix(locations.redis);
    redis = await openRedisStores(url, { logger, ...(prefix === undefined ? {} : { prefix }) });
  } catch (error) {
    await database.close().catch(() => {});
    const message = (error instanceof Error ? error.message : String(error)).split(locations.redis).join('redis://…');
    throw new StartupError(`OAUTH_RO_REDIS: cannot connect to Redis (${message})`);
  }
  return {
    ...database,
    usedAssertions: redis.usedAssertions,
    codes: redis.codes,
    counters: redis.counters,
    description: `${database.description} + redis://${new URL(locations.redis).host}`,
    async ping() {
      await Promise.all([database.ping(), redis.ping()]);
    },
    readiness: { ...database.readiness, redis: () => redis.ping() },
    async close() {
      await Promise.allSettled([redis.close(), database.close()]);
    },
  };
}
