import { type MigrationReport, runMigrations } from './migrations/run-migrations.js';
import type { PostgresStoreOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';

/**
 * Runs pending migrations and returns, for a deploy step that migrates before instances start with
 * `migrate: false`. Safe to run while instances are starting: migrations are applied exactly once.
 *
 * @example
 * const { applied, version } = await migratePostgres(process.env.OAUTH_RO_DATABASE!);
 */
export async function migratePostgres(url: string, options?: PostgresStoreOptions): Promise<MigrationReport> {
  return runMigrations(url, resolveOptions(options));
}
