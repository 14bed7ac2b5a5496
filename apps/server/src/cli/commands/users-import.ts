import { createReadStream } from 'node:fs';
import { toHex } from '@oauth-ro/core/internal';
import { importUsers, readExportRecords } from '@oauth-ro/migrate';
import { databaseConnection, withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { progressLine } from '../import/progress-line.js';
import { requiredString } from '../options.js';
import { CommandError } from '../usage-error.js';

/** Opens the file (or stdin for `-`) and fails with a plain message if it cannot be read. */
async function openSource(file: string, stdin: NodeJS.ReadableStream): Promise<AsyncIterable<string | Uint8Array>> {
  if (file === '-') return stdin as AsyncIterable<string | Uint8Array>;
  const stream = createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  }).catch((error: NodeJS.ErrnoException) => {
    throw new CommandError(`${file}: ${error.code === 'ENOENT' ? 'the file does not exist' : `cannot be read (${error.code ?? error.message})`}`);
  });
  return stream;
}

/** `oauth-ro users import`: users of an Auth0 export or an oauth-ro backup, hashes kept as they are. */
export const usersImport: CliCommand = {
  name: 'users import',
  summary: 'import users from an Auth0 export or a users export backup (bcrypt and argon2id hashes)',
  help: `Usage: oauth-ro users import --connection <name> <file | ->

Imports users exported from Auth0 into a database connection. Reads JSON lines (one user per line)
or one JSON array; "-" reads standard input. Understands the password-hash export Auth0 support
hands over (_id or alt_id, passwordHash, identifiers, connection), users as the Management API and
its export job give them (user_id, email, …), bulk-import entries (custom_password_hash), and the
lines of oauth-ro users export (a backup: restore it with the same --connection).

Each user keeps its user_id (auth0|…), email, username, phone_number, names, picture,
user_metadata, app_metadata, created_at and blocked. Its password hash is stored as it is: a bcrypt
hash ($2a$, $2b$, $2y$), which the first login replaces with argon2id, or an argon2id hash
($argon2id$v=19$, m <= 256 MiB, t <= 10, p <= 16); the user logs in with the old password. Users
already there (same user_id) are skipped, so the import can be run again. A bad record is reported
with its line number and the import goes on; hashes are never printed. Users with other hashes
(md5, sha…, argon2i) are refused, as they could not be verified, and so are users of another
connection than --connection. Exit 0 when every record was imported or skipped, 1 when any
was refused.

Options:
  --connection <name>   the database connection the users join

Example:
  oauth-ro users import --connection Username-Password-Authentication ./auth0-users.json`,
  options: { connection: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const name = requiredString(args, 'connection');
    const file = args.positionals[0]!;
    return withAdminContext(io, async ({ config, stores, clock, random }) => {
      const connection = databaseConnection(config, name);
      // A file is counted first (one quick pass, memory flat), so progress can say "of how many".
      let total: number | undefined;
      if (file !== '-') {
        total = 0;
        for await (const _record of readExportRecords(await openSource(file, io.stdin))) total += 1;
      }
      const started = performance.now();
      const source = await openSource(file, io.stdin);
      const counts = await importUsers(readExportRecords(source), stores.users, {
        connection: connection.name,
        now: () => new Date(clock.now()).toISOString(),
        newId: () => `auth0|${toHex(random.bytes(12))}`,
        report: (line, problem) => io.err(`${file === '-' ? 'stdin' : file}:${line}: ${problem}`),
        progress: (c, read) => io.err(progressLine(c, read, total, (performance.now() - started) / 1000)),
      });
      const without = counts.withoutPassword > 0 ? ` (${counts.withoutPassword} without a password)` : '';
      io.out(`imported ${counts.imported}${without}, skipped ${counts.skipped} already there, refused ${counts.refused} into ${connection.name}`);
      return counts.refused > 0 ? EXIT.failure : EXIT.ok;
    });
  },
};
