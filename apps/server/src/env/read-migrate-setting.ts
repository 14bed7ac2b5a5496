import { StartupError } from '../config/startup-error.js';

/**
 * `OAUTH_RO_MIGRATE`: `true` (default) migrates the PostgreSQL schema at start; `false` leaves it to
 * a separate deploy step (`oauth-ro migrate up`). SQLite always migrates on open.
 *
 * @example readMigrateSetting({ OAUTH_RO_MIGRATE: 'false' }); // false
 */
export function readMigrateSetting(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.OAUTH_RO_MIGRATE?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'true') return true;
  if (value === 'false') return false;
  throw new StartupError(`OAUTH_RO_MIGRATE: must be true or false, got ${JSON.stringify(env.OAUTH_RO_MIGRATE)}`);
}
