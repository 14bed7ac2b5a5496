import { type MigrationReport, runMigrations } from './migrations/run-migrations.js';
import type { PostgresStoreOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import { resolveUrl } from './resolve-url.js';

/**
 * Runs pending migrations and returns, for a deploy step that migrates before instances start with
 * `migrate: false`. `?schema=name` on the URL selects the schema, as for `openPostgresStores`. Safe to run while instances are starting: migrations are applied exactly once.
 *
 * @example
 * const { applied, version } = await migratePostgres(process.env.OAUTH_RO_DATABASE!);
 */
export async function migratePostgres(value: string, options?: PostgresStoreOptions): Promise<MigrationReport> {
  const { url, options: withSchema } = resolveUrl(value, options);
  return runMigrations(url, resolveOptions(withSchema));
}
