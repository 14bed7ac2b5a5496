import type Database from 'better-sqlite3';
import type { Migration } from './migration.js';

/** What {@link runMigrations} did. */
export interface MigrationReport {
  /** Versions applied by this call, oldest first; empty when the file was up to date. */
  readonly applied: readonly number[];
}

/**
 * Brings the schema up to date in one `BEGIN IMMEDIATE` transaction. IMMEDIATE takes the write
 * lock before reading `schema_migrations`, so when several processes open one new file at once,
 * one migrates and the others wait (busy timeout), then find nothing left to do. A failing
 * migration rolls back entirely.
 *
 * @example const { applied } = runMigrations(db, MIGRATIONS);
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): MigrationReport {
  const migrate = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY NOT NULL,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const done = new Set(
      db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    }
    return applied;
  });
  return { applied: migrate.immediate() };
}
