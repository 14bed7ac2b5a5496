import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { resolveLocation } from '../db/resolve-location.js';
import { MIGRATIONS } from './migrations.js';

/** The schema state of a SQLite database: migrations applied (oldest first) and pending. */
export interface SqliteMigrationStatus {
  /** The database as the store's start-up line names it (never a user or password). */
  readonly description: string;
  /** Applied migrations as `schema_migrations` records them (a newer release's included). */
  readonly applied: readonly { readonly version: number; readonly name: string; readonly applied_at: string }[];
  /** This release's migrations the database does not have yet, oldest first. */
  readonly pending: readonly { readonly version: number; readonly name: string }[];
}

/**
 * Reads which migrations a SQLite database has, without changing anything: the file is opened
 * read-only and never created (a missing file, or `:memory:`, has every migration pending).
 * `openSqliteStores` applies the pending ones whenever it opens the file.
 *
 * @example
 * const { pending } = await sqliteMigrationStatus('sqlite:./data/oauth-ro.db');
 * if (pending.length > 0) console.log(`${pending.length} migration(s) to apply`);
 */
export async function sqliteMigrationStatus(pathOrUrl: string): Promise<SqliteMigrationStatus> {
  const location = resolveLocation(pathOrUrl);
  let applied: SqliteMigrationStatus['applied'] = [];
  if (location.kind === 'file' && existsSync(location.path)) {
    const db = new Database(location.path, { readonly: true, fileMustExist: true });
    try {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
      if (table) applied = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as SqliteMigrationStatus['applied'];
    } finally {
      db.close();
    }
  }
  const done = new Set(applied.map((m) => m.version));
  const pending = MIGRATIONS.filter((m) => !done.has(m.version)).map(({ version, name }) => ({ version, name }));
  return { description: `sqlite:${location.kind === 'memory' ? ':memory:' : location.path}`, applied, pending };
}
