import { EXIT, type CliCommand } from '../command.js';
import { withUserMfa } from '../mfa-context.js';
import { userLabel } from '../resolve-user.js';

/** `oauth-ro users mfa reset`: deletes every MFA enrolment of a user. */
export const usersMfaReset: CliCommand = {
  name: 'users mfa reset',
  summary: 'delete every MFA enrolment of a user (a lost phone)',
  help: `Usage: oauth-ro users mfa reset <user_id | email | username> [--connection <name>]

Deletes every MFA enrolment of the user, pending or confirmed, as Auth0's "reset MFA" did. On a
connection with MFA the next login then asks the user to enrol again.

Example:
  oauth-ro users mfa reset alice@example.com`,
  options: { connection: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    return withUserMfa(args, io, async (_context, user, mfa) => {
      const deleted = await mfa.reset(user.user_id);
      io.out(`deleted ${deleted} MFA enrolment${deleted === 1 ? '' : 's'} of ${userLabel(user)}`);
      return EXIT.ok;
    });
  },
};
