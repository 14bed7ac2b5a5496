import pg from 'pg';
import { describeUrl, resolveUrl } from '../resolve-url.js';
import { toStoreError } from '../db/to-store-error.js';
import type { PostgresStoreOptions } from '../options.js';
import { resolveOptions } from '../resolve-options.js';
import { MIGRATIONS } from './migrations.js';

/** The schema state of a PostgreSQL database (or `schema`): migrations applied (oldest first) and pending. */
export interface PostgresMigrationStatus {
  /** The database as the store's start-up line names it (never a user or password). */
  readonly description: string;
  /** Applied migrations as `schema_migrations` records them (a newer release's included). */
  readonly applied: readonly { readonly version: number; readonly name: string; readonly applied_at: string }[];
  /** This release's migrations the database does not have yet, oldest first. */
  readonly pending: readonly { readonly version: number; readonly name: string }[];
}

/**
 * Reads which migrations the database has, changing nothing (no lock, no `CREATE`): for a deploy
 * that runs instances with `migrate: false` and must know whether `migratePostgres` is due. A
 * schema that does not exist yet has every migration pending.
 *
 * @example
 * const { pending } = await postgresMigrationStatus(process.env.OAUTH_RO_DATABASE!, { schema: 'oauth_ro' });
 */
export async function postgresMigrationStatus(value: string, options?: PostgresStoreOptions): Promise<PostgresMigrationStatus> {
  // The same URL rules as openPostgresStores: `?schema=` selects the schema.
  const { url, options: withSchema } = resolveUrl(value, options);
  const resolved = resolveOptions(withSchema);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: resolved.connectionTimeoutMs,
    statement_timeout: resolved.statementTimeoutMs,
    query_timeout: resolved.statementTimeoutMs + 1000,
    application_name: `${resolved.applicationName} migration status`,
  });
  client.on('error', () => undefined);
  let applied: PostgresMigrationStatus['applied'] = [];
  try {
    await client.connect();
    const table = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`${resolved.schema}.schema_migrations`]);
    if (table.rows[0]?.present) {
      const { rows } = await client.query<{ version: number; name: string; applied_at: Date }>(
        `SELECT version, name, applied_at FROM ${resolved.schema}.schema_migrations ORDER BY version`,
      );
      applied = rows.map((r) => ({ version: r.version, name: r.name, applied_at: r.applied_at.toISOString() }));
    }
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
  const done = new Set(applied.map((m) => m.version));
  const pending = MIGRATIONS.filter((m) => !done.has(m.version)).map(({ version, name }) => ({ version, name }));
  return { description: describeUrl(url, resolved.schema), applied, pending };
}
