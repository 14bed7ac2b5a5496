import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '@oauth-ro/core';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { StartupError } from '../config/startup-error.js';
import type { DatabaseLocation } from '../env/read-environment.js';
import { pickStorePorts, type ServerStores } from './server-stores.js';

function reason(error: unknown, secret?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  // Driver messages do not normally quote the URL, but a password must never reach the terminal.
  return secret ? message.split(secret).join('postgres://…') : message;
}

/**
 * Opens the stores `OAUTH_RO_DATABASE` names: the embedded SQLite file (its directory created
 * first) or PostgreSQL (migrated on open unless `migrate` is false). Failures are start-up errors naming the variable.
 *
 * @example
 * const stores = await openDatabaseStores({ kind: 'sqlite', path: './data/oauth-ro.db' }, logger);
 */
export async function openDatabaseStores(database: DatabaseLocation, logger: Logger, migrate = true): Promise<ServerStores> {
  if (database.kind === 'postgres') {
    try {
      // Imported on demand: the SQLite default does not pay for loading the PostgreSQL driver.
      const { openPostgresStores } = await import('@oauth-ro/store-postgres');
      const stores = await openPostgresStores(database.url, { logger, migrate, ...(database.schema ? { schema: database.schema } : {}) });
      const host = new URL(database.url).host;
      return {
        ...pickStorePorts(stores),
        description: `postgres://${host}${database.schema ? ` (schema ${database.schema})` : ''}`,
        ping: () => stores.ping(),
        readiness: { database: () => stores.ping() },
        close: () => stores.close(),
      };
    } catch (error) {
      throw new StartupError(`OAUTH_RO_DATABASE: cannot open PostgreSQL (${reason(error, database.url)})`);
    }
  }
  const path = database.path;
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StartupError(`OAUTH_RO_DATABASE: cannot create the directory of ${path} (${reason(error)})`);
    }
  }
  try {
    const stores = await openSqliteStores(path);
    const ping = () => stores.ping();
    return { ...pickStorePorts(stores), description: `sqlite:${path}`, ping, readiness: { database: ping }, close: async () => stores.close() };
  } catch (error) {
    throw new StartupError(`OAUTH_RO_DATABASE: cannot open SQLite database ${path} (${reason(error)})`);
  }
}
