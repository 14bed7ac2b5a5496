import { combineStores, type CombinedStores, type Logger, type StoreBundle } from '@oauth-ro/core';
import { StartupError } from '../config/startup-error.js';
import type { DatabaseLocation } from '../env/read-environment.js';

/** Where the server keeps its state: `OAUTH_RO_DATABASE` and, optionally, `OAUTH_RO_REDIS`. */
export interface StoreLocations {
  readonly database: DatabaseLocation;
  readonly redis?: string;
  /** Migrate the PostgreSQL schema on open (default true; `OAUTH_RO_MIGRATE=false`). */
  readonly migrate?: boolean;
}

/**
 * A store's failure to open as a start-up error naming the variable. Driver messages do not
 * normally quote the URL, but a password must never reach the terminal: a URL is cut out.
 */
function openError(variable: string, what: string, error: unknown, url?: string): StartupError {
  const message = error instanceof Error ? error.message : String(error);
  const scheme = url === undefined ? undefined : /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
  return new StartupError(`${variable}: ${what} (${url && scheme ? message.split(url).join(`${scheme}//…`) : message})`);
}

/** The store `OAUTH_RO_DATABASE` names; each package reads its own URL (`sqlite:`/a path, `postgres://…?schema=`). */
async function openDatabase(database: DatabaseLocation, logger: Logger, migrate: boolean): Promise<StoreBundle<'users' | 'keys'>> {
  if (database.kind === 'postgres') {
    try {
      // Imported on demand: the SQLite default does not pay for loading the PostgreSQL driver.
      const { openPostgresStores } = await import('@oauth-ro/store-postgres');
      return await openPostgresStores(database.url, { logger, migrate });
    } catch (error) {
      throw openError('OAUTH_RO_DATABASE', 'cannot open PostgreSQL', error, database.url);
    }
  }
  try {
    const { openSqliteStores } = await import('@oauth-ro/store-sqlite');
    return await openSqliteStores(database.url);
  } catch (error) {
    throw openError('OAUTH_RO_DATABASE', `cannot open SQLite database ${database.url}`, error);
  }
}

/**
 * Opens the database's stores and, with a Redis URL (`?prefix=` read by the Redis package), the
 * Redis stores, which then replace the database's for the short-lived state they cover (replay
 * markers, passwordless codes, counters; shared by every instance). Readiness checks `database`
 * and `redis`; pinging pings both; closing closes both.
 *
 * @example
 * const stores = await openStores({ database: { kind: 'sqlite', url: './data/oauth-ro.db' } }, logger);
 */
export async function openStores(locations: StoreLocations, logger: Logger): Promise<CombinedStores> {
  const database = await openDatabase(locations.database, logger, locations.migrate ?? true);
  if (locations.redis === undefined) return combineStores(database);
  try {
    // Imported on demand, like the PostgreSQL driver.
    const { openRedisStores, REDIS_SHORT_LIVED_PORTS } = await import('@oauth-ro/store-redis');
    return combineStores(database, { store: await openRedisStores(locations.redis, { logger }), ports: REDIS_SHORT_LIVED_PORTS });
  } catch (error) {
    await database.close().catch(() => {});
    throw openError('OAUTH_RO_REDIS', 'cannot connect to Redis', error, locations.redis);
  }
}
