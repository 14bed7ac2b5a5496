import { readEnvironment } from '../../env/read-environment.js';
import { EXIT, type CliCommand } from '../command.js';
import { CommandError } from '../usage-error.js';

/** What each store package answers: applied (with when) and pending migrations. */
interface Status {
  readonly description: string;
  readonly applied: readonly { readonly version: number; readonly name: string; readonly applied_at: string }[];
  readonly pending: readonly { readonly version: number; readonly name: string }[];
}

function lines(where: string, status: Status): string[] {
  const width = String(Math.max(0, ...status.applied.map((m) => m.version), ...status.pending.map((m) => m.version))).length;
  const version = (v: number) => String(v).padStart(width);
  return [
    `${where}: ${status.applied.length} applied, ${status.pending.length} pending`,
    ...status.applied.map((m) => `  applied  ${version(m.version)} ${m.name} (${m.applied_at})`),
    ...status.pending.map((m) => `  pending  ${version(m.version)} ${m.name}`),
  ];
}

/** `oauth-ro migrate status`: each store's applied and pending schema migrations; exit 1 while any is pending. */
export const migrateStatus: CliCommand = {
  name: 'migrate status',
  summary: 'list applied and pending schema migrations (exit 1 while any is pending)',
  help: `Usage: oauth-ro migrate status

Lists the schema migrations of the database OAUTH_RO_DATABASE names, applied (with when) and
pending, without changing anything: a SQLite file is opened read-only (a missing one has every
migration pending and is not created), PostgreSQL is only read (no lock, no CREATE). Redis
(OAUTH_RO_REDIS) keeps no schema and has none. Exits 0 when nothing is pending, 1 when something is
(or the database cannot be read): check it before starting instances with OAUTH_RO_MIGRATE=false,
and run oauth-ro migrate up when it fails.

Example:
  OAUTH_RO_DATABASE=postgres://… oauth-ro migrate status || oauth-ro migrate up`,
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_args, io) {
    const { database, redis } = readEnvironment(io.env);
    let where: string;
    let status: Status;
    if (database.kind === 'sqlite') {
      const { sqliteMigrationStatus } = await import('@oauth-ro/store-sqlite');
      where = database.url;
      try {
        status = await sqliteMigrationStatus(database.url);
        where = status.description;
      } catch (error) {
        throw new CommandError(`cannot read ${where} (${error instanceof Error ? error.message : String(error)})`);
      }
    } else {
      const { postgresMigrationStatus } = await import('@oauth-ro/store-postgres');
      try {
        status = await postgresMigrationStatus(database.url);
        where = status.description;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).split(database.url).join('postgres://…');
        throw new CommandError(`cannot read the PostgreSQL schema (${message})`);
      }
    }
    for (const line of lines(where, status)) io.out(line);
    if (redis !== undefined) io.out(`redis://${new URL(redis).host}: no migrations (Redis keeps no schema)`);
    if (status.pending.length === 0) return EXIT.ok;
    io.err(`${status.pending.length} migration(s) pending: run oauth-ro migrate up (or start an instance without OAUTH_RO_MIGRATE=false)`);
    return EXIT.failure;
  },
};
