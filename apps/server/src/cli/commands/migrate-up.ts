import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { readEnvironment } from '../../env/read-environment.js';
import { EXIT, type CliCommand } from '../command.js';
import { CommandError } from '../usage-error.js';

/** `oauth-ro migrate up`: bring the database schema up to date, as a deploy step of its own. */
export const migrateUp: CliCommand = {
  name: 'migrate up',
  summary: 'apply pending schema migrations (for OAUTH_RO_MIGRATE=false deployments)',
  help: `Usage: oauth-ro migrate up

Applies the pending schema migrations of the database OAUTH_RO_DATABASE names, then exits. Safe while
instances start or run: PostgreSQL migrations take an advisory lock and are applied exactly once, and
they are additive, so running instances keep working. Run it as a deploy step before starting
instances with OAUTH_RO_MIGRATE=false. A SQLite file is migrated whenever it is opened.

Example:
  OAUTH_RO_DATABASE=postgres://… oauth-ro migrate up`,
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_args, io) {
    const { database } = readEnvironment(io.env);
    if (database.kind === 'sqlite') {
      const stores = await openSqliteStores(database.url);
      await stores.close();
      io.out(`${stores.description}: schema up to date`);
      return EXIT.ok;
    }
    const { migratePostgres } = await import('@oauth-ro/store-postgres');
    let report: { applied: number[]; version: number };
    try {
      report = await migratePostgres(database.url);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split(database.url).join('postgres://…');
      throw new CommandError(`cannot migrate PostgreSQL (${message})`);
    }
    const host = `postgres://${new URL(database.url).host}`;
    io.out(
      report.applied.length === 0
        ? `${host}: schema up to date (version ${report.version})`
        : `${host}: applied ${report.applied.length} migration(s) (${report.applied.join(', ')}); schema at version ${report.version}`,
    );
    return EXIT.ok;
  },
};
