import { setUserBlocked } from '@oauth-ro/core/admin';
import { EXIT, type CliCommand } from '../command.js';
import { userLabel, withNamedUser } from '../resolve-user.js';
import { CommandError } from '../usage-error.js';

/** `oauth-ro users block`: an administrator's block (Auth0's `blocked: true`). */
export const usersBlock: CliCommand = {
  name: 'users block',
  summary: 'block a user: the right password then gets 401 unauthorized',
  help: `Usage: oauth-ro users block <user_id | email | username> [--connection <name>]

Blocks a user, as Auth0's "blocked": logging in with the right password answers 401 unauthorized
"user is blocked", and the user's tokens stop working at /userinfo, /tokeninfo, /delegation and
refresh. An email or username is looked up in the database connections (--connection picks one).
Undo with oauth-ro users unblock.

Options:
  --connection <name>   where to look an email or username up

Example:
  oauth-ro users block alice@example.com`,
  options: { connection: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    return withNamedUser(args, io, async (context, user) => {
      const result = await setUserBlocked({ users: context.stores.users, clock: context.clock }, user.user_id, true);
      if (!result.ok) throw new CommandError(`no user with user_id ${user.user_id}`);
      io.out(`blocked ${userLabel(user)}`);
      return EXIT.ok;
    });
  },
};
