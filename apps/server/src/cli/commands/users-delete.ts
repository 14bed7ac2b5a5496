import { deleteFromCustomDatabase, deleteUser } from '@oauth-ro/core/admin';
import { ERROR_TABLE } from '@oauth-ro/core/internal';
import { withCustomDatabases } from '../custom-databases.js';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { CommandError, UsageError } from '../usage-error.js';

/** `oauth-ro users delete`: the user, its refresh tokens, device keys and brute-force counts. */
export const usersDelete: CliCommand = {
  name: 'users delete',
  summary: 'delete a user, revoking its refresh tokens and device keys',
  help: `Usage: oauth-ro users delete <user_id>

Deletes a user for good: its refresh tokens are revoked, its device (Touch ID) keys deleted and its
brute-force counts cleared, so nothing issued to it still works. A user of a custom-database
connection without import_mode is first deleted from the legacy system by the connection's delete
script (nothing is deleted if that fails). Takes the user_id (auth0|…, see oauth-ro users list)
rather than an email, so the right user is deleted.

Example:
  oauth-ro users delete 'auth0|5f8a1c2e9b3d4a0012345678'`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const user_id = args.positionals[0]!;
    if (!user_id.includes('|')) throw new UsageError('give the user_id (like auth0|5f8a…), see oauth-ro users list');
    return withAdminContext(io, async ({ config, stores, hasher, clock, logger }) => {
      const user = await stores.users.findById(user_id);
      if (!user) throw new CommandError(`no user with user_id ${user_id}`);
      await withCustomDatabases(config, logger, user.connection, async (customDatabases) => {
        // A custom-database user without import_mode is deleted upstream first, by the delete script.
        const upstream = await deleteFromCustomDatabase({ users: stores.users, ...(customDatabases ? { customDatabases } : {}) }, config, user_id);
        if (!upstream.ok) throw new CommandError(upstream.error.description ?? ERROR_TABLE[upstream.error.code].description);
      });
      const deleted = await deleteUser({ ...stores, hasher, clock, logger }, config, user_id);
      if (!deleted) throw new CommandError(`no user with user_id ${user_id}`);
      io.out(`deleted ${user_id}`);
      return EXIT.ok;
    });
  },
};
