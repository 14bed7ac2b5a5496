import { adminUserView } from '@oauth-ro/core/admin';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString } from '../options.js';
import { passwordScheme } from '../password-scheme.js';

/** Users read per query; the listing streams page after page, so any number of users fits in memory. */
const PAGE = 500;

/** `oauth-ro users list`: every user (or a connection's), as a table or as JSON lines. */
export const usersList: CliCommand = {
  name: 'users list',
  summary: 'list users (tab-separated, or --json lines)',
  help: `Usage: oauth-ro users list [--connection <name>] [--json]

Lists users in user_id order, all of them or those of one connection. Without --json: one
tab-separated line per user under a header (user_id, connection, email, username, blocked,
password, created_at), where password says how the hash is kept: argon2id, bcrypt (imported and
not logged in since), or none. With --json: one JSON object per line, the user as Auth0's
Management API shows it, plus "password". Password hashes are never printed.

Options:
  --connection <name>   only this connection's users
  --json                JSON lines instead of the table

Example:
  oauth-ro users list --connection Username-Password-Authentication`,
  options: { connection: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const connection = optionalString(args, 'connection');
    const json = args.values.json === true;
    return withAdminContext(io, async ({ stores }) => {
      if (!json) io.out(['user_id', 'connection', 'email', 'username', 'blocked', 'password', 'created_at'].join('\t'));
      let after: string | undefined;
      for (;;) {
        const page = await stores.users.list({ limit: PAGE, ...(connection === undefined ? {} : { connection }), ...(after === undefined ? {} : { after }) });
        for (const user of page) {
          const password = passwordScheme(user.password_hash);
          if (json) io.out(JSON.stringify({ ...adminUserView(user), connection: user.connection, password }));
          else io.out([user.user_id, user.connection, user.email ?? '', user.username ?? '', String(user.blocked), password, user.created_at].join('\t'));
        }
        if (page.length < PAGE) return EXIT.ok;
        after = page.at(-1)!.user_id;
      }
    });
  },
};
