import { EXIT, type CliCommand } from '../command.js';
import { userLabel, withNamedUser } from '../resolve-user.js';
import { CommandError } from '../usage-error.js';

/** `oauth-ro users verify-email`: marks a user's email verified, as Auth0's `email_verified: true`. */
export const usersVerifyEmail: CliCommand = {
  name: 'users verify-email',
  summary: "mark a user's email address verified",
  help: `Usage: oauth-ro users verify-email <user_id | email | username> [--connection <name>] [--unverify]

Sets the user's email_verified, as the verification link would: connections with
requires_email_verification then let the user log in. --unverify clears it again. To email the
user a verification link instead, use the admin API (POST /api/v2/jobs/verification-email).

Options:
  --connection <name>   where to look an email or username up
  --unverify            set email_verified to false

Example:
  oauth-ro users verify-email alice@example.com`,
  options: { connection: { type: 'string' }, unverify: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const verified = args.values.unverify !== true;
    return withNamedUser(args, io, async (context, user) => {
      if (!user.email) throw new CommandError(`${userLabel(user)} has no email address`);
      const updated = await context.stores.users.update(user.user_id, { profile: { ...user.profile, email_verified: verified } }, new Date(context.clock.now()).toISOString());
      if (!updated) throw new CommandError(`no user with user_id ${user.user_id}`);
      io.out(`${verified ? 'verified' : 'unverified'} the email of ${userLabel(user)}`);
      return EXIT.ok;
    });
  },
};
