import type { Logger } from '@oauth-ro/core';
import { StartupError } from '../config/startup-error.js';
import type { DatabaseLocation } from '../env/read-environment.js';
import { openDatabaseStores } from './open-database-stores.js';
import type { ServerStores } from './server-stores.js';

/** Where the server keeps its state: `OAUTH_RO_DATABASE` and, optionally, `OAUTH_RO_REDIS`. */
export interface StoreLocations {
  readonly database: DatabaseLocation;
  readonly redis?: string;
}

/**
 * Opens the database stores and, with a Redis URL, the Redis stores, which then replace the
 * database's for the short-lived state they cover (shared by every instance). Closing closes both.
 *
 * @example
 * const stores = await openStores({ database: { kind: 'sqlite', path: './data/oauth-ro.db' } }, logger);
 */
export async function openStores(locations: StoreLocations, logger: Logger): Promise<ServerStores> {
  const database = await openDatabaseStores(locations.database, logger);
  if (locations.redis === undefined) return database;
  let redis: Awaited<ReturnType<typeof import('@oauth-ro/store-redis').openRedisStores>>;
  try {
    // Imported on demand, like the PostgreSQL driver.
    const { openRedisStores } = await import('@oauth-ro/store-redis');
    redis = await openRedisStores(locations.redis, { logger });
  } catch (error) {
    await database.close().catch(() => {});
    const message = (error instanceof Error ? error.message : String(error)).split(locations.redis).join('redis://…');
    throw new StartupError(`OAUTH_RO_REDIS: cannot connect to Redis (${message})`);
  }
  return {
    ...database,
    usedAssertions: redis.usedAssertions,
    description: `${database.description} + redis://${new URL(locations.redis).host}`,
    async close() {
      await Promise.allSettled([redis.close(), database.close()]);
    },
  };
}
