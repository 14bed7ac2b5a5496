import { setUserBlocked, unblockUser } from '@oauth-ro/core/admin';
import { EXIT, type CliCommand } from '../command.js';
import { userLabel, withNamedUser } from '../resolve-user.js';
import { CommandError } from '../usage-error.js';

/** `oauth-ro users unblock`: lifts an administrator's block and the user's brute-force blocks. */
export const usersUnblock: CliCommand = {
  name: 'users unblock',
  summary: "lift a user's block and release its brute-force blocks",
  help: `Usage: oauth-ro users unblock <user_id | email | username> [--connection <name>]

Unblocks a user: clears an administrator's block (users block) and releases the brute-force blocks
of each of its identifiers (email, username, phone number) from every IP, so the user can log in at
once. To release one identifier's brute-force blocks only, use oauth-ro blocks release.

Options:
  --connection <name>   where to look an email or username up

Example:
  oauth-ro users unblock alice@example.com`,
  options: { connection: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    return withNamedUser(args, io, async (context, user) => {
      const deps = { users: context.stores.users, counters: context.stores.counters, clock: context.clock };
      const wasBlocked = user.blocked;
      const updated = await setUserBlocked(deps, user.user_id, false);
      const released = await unblockUser(deps, context.config, user.user_id);
      if (!updated.ok || !released.ok) throw new CommandError(`no user with user_id ${user.user_id}`);
      const n = released.value.length;
      io.out(
        `unblocked ${userLabel(user)}: ` +
          `${wasBlocked ? 'administrator block lifted' : 'was not blocked by an administrator'}, ${n} brute-force block${n === 1 ? '' : 's'} released`,
      );
      return EXIT.ok;
    });
  },
};
