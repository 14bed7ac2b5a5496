import type { Logger } from '@oauth-ro/core/ports';
import pg from 'pg';
import { backfillSkeletons } from '../users/backfill-skeletons.js';
import { toStoreError } from '../db/to-store-error.js';
import type { ResolvedPostgresStoreOptions } from '../options.js';
import type { Migration } from './migration.js';
import { MIGRATIONS } from './migrations.js';

/** What a migration run did. */
export interface MigrationReport {
  /** Versions this call applied (empty when another instance had already applied them). */
  readonly applied: number[];
  /** Highest version in the database afterwards. */
  readonly version: number;
}

/**
 * Brings the schema up to date, exactly once however many instances start at the same moment: each
 * takes a session-level `pg_advisory_lock` keyed by the schema, reads `schema_migrations`, applies
 * what is missing (each migration in its own transaction, recorded in the same transaction), then
 * unlocks. Instances that waited find nothing left to do. The wait and each statement are bounded by
 * `migrationTimeoutMs`. A lock held by a crashed instance is freed with its session.
 *
 * @example
 * const { applied } = await runMigrations(url, resolvedOptions);
 */
export async function runMigrations(
  url: string,
  options: ResolvedPostgresStoreOptions,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    statement_timeout: options.migrationTimeoutMs,
    query_timeout: options.migrationTimeoutMs + 1000,
    application_name: `${options.applicationName} migrations`,
    options: `-c search_path=${options.schema}`,
  });
  client.on('error', (error) => logSocketError(options.logger, error));
  try {
    await client.connect();
    return await migrateLocked(client, options, migrations);
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function migrateLocked(client: pg.Client, options: ResolvedPostgresStoreOptions, migrations: readonly Migration[]): Promise<MigrationReport> {
  const lockName = `oauth-ro migrations ${options.schema}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const present = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (present.has(migration.version)) continue;
      await applyOne(client, migration);
      applied.push(migration.version);
      options.logger.info({ version: migration.version, name: migration.name }, 'PostgreSQL migration applied');
    }
    const version = Math.max(0, ...present, ...applied);
    // Rows stored before migration 12 get their identifier skeletons (a no-op once done), under the
    // same lock, on this client: instances starting together do it once.
    if (version >= 12 && migrations.some((m) => m.version === 12)) {
      await backfillSkeletons({
        query: async (text, values) => {
          // Rows as the caller types them: the backfill's own query names its columns.
          const result = await client.query<never>(text, values as unknown[] | undefined);
          return { rows: result.rows, rowCount: result.rowCount ?? 0 };
        },
      });
    }
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (version > known) {
      // A newer release migrated this database; additive migrations keep this release working.
      options.logger.warn({ version, known }, 'PostgreSQL schema is newer than this release knows');
    }
    return { applied, version };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]).catch(() => undefined);
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function logSocketError(logger: Logger, error: Error): void {
  logger.warn({ err: { name: error.name, message: error.message } }, 'PostgreSQL migration connection failed');
}
