import { adminUserView } from '@oauth-ro/core/admin';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString } from '../options.js';

/** Users read per query: the export streams page after page, so memory stays flat at any size. */
const PAGE = 500;

/** Writes one line; the promise form waits until the stream took it (a slow pipe must not pile lines up in memory). */
type WriteLine = (line: string) => void | Promise<void>;

/** The hash as Auth0's bulk user import names it (`custom_password_hash`). */
function customPasswordHash(hash: string | undefined): Record<string, unknown> {
  if (hash === undefined) return {};
  const algorithm = hash.startsWith('$argon2') ? 'argon2' : hash.startsWith('$2') ? 'bcrypt' : undefined;
  return algorithm === undefined ? {} : { custom_password_hash: { algorithm, hash: { value: hash } } };
}

/**
 * `oauth-ro users export`: every user with its password hash, one JSON line each, for backups.
 * Streams page by page; output is the only place a hash ever leaves the database.
 */
export const usersExport: CliCommand = {
  name: 'users export',
  summary: 'export users WITH their password hashes as JSON lines (backups; handle as a secret)',
  help: `Usage: oauth-ro users export [--connection <name>] > users.jsonl

Writes every user (or those of one connection), in user_id order, one JSON object per line: the
user as Auth0's Management API shows it, plus "connection" and, when the user has a password,
"custom_password_hash" in Auth0's bulk-import shape ({"algorithm": "argon2" | "bcrypt", "hash":
{"value": "$argon2id$…"}}). Users are read 500 at a time and written as they are read, so memory
stays flat however many users there are. The output holds password hashes: store it as a secret.

Options:
  --connection <name>   only this connection's users

Example:
  oauth-ro users export > /backups/users-$(date +%F).jsonl`,
  options: { connection: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const connection = optionalString(args, 'connection');
    const write: WriteLine = io.write ? (line) => io.write!(line) : (line) => io.out(line);
    return withAdminContext(io, async ({ stores }) => {
      let after: string | undefined;
      let count = 0;
      for (;;) {
        const page = await stores.users.list({ limit: PAGE, ...(connection === undefined ? {} : { connection }), ...(after === undefined ? {} : { after }) });
        for (const user of page) {
          await write(JSON.stringify({ ...adminUserView(user), connection: user.connection, ...customPasswordHash(user.password_hash) }));
          count += 1;
        }
        if (page.length < PAGE) {
          io.err(`exported ${count} user(s)`);
          return EXIT.ok;
        }
        after = page.at(-1)!.user_id;
      }
    });
  },
};
