import { accountTemplate, issueTicket } from '@oauth-ro/core/internal';
import { EXIT, type CliCommand } from '../command.js';
import { userLabel, withNamedUser } from '../resolve-user.js';
import { CommandError, UsageError } from '../usage-error.js';

/** `oauth-ro tickets password-change`: a reset link for a user, printed (Auth0's password-change ticket). */
export const ticketsPasswordChange: CliCommand = {
  name: 'tickets password-change',
  summary: 'print a single-use password reset link for a user',
  help: `Usage: oauth-ro tickets password-change <user_id | email | username> [--connection <name>] [--result-url <url>] [--ttl <seconds>]

Creates a single-use password reset ticket, like Auth0's POST /api/v2/tickets/password-change, and
prints its link ({issuer}lo/reset?ticket=…). Nothing is emailed: hand the link to the user. The
page checks the connection's password policy; afterwards the user's refresh tokens and device
keys are revoked.

Options:
  --connection <name>   where to look an email or username up
  --result-url <url>    where the page sends the user afterwards
  --ttl <seconds>       lifetime of the link (default: the reset template's, 5 days)

Example:
  oauth-ro tickets password-change alice@example.com --ttl 3600`,
  options: { connection: { type: 'string' }, 'result-url': { type: 'string' }, ttl: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const ttlText = args.values.ttl as string | undefined;
    const ttl = ttlText === undefined ? undefined : Number(ttlText);
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 60 || ttl > 2_592_000)) throw new UsageError('--ttl must be a whole number of seconds from 60 to 2592000');
    const resultUrl = args.values['result-url'] as string | undefined;
    if (resultUrl !== undefined) {
      let ok: boolean;
      try {
        ok = ['http:', 'https:'].includes(new URL(resultUrl).protocol);
      } catch {
        ok = false;
      }
      if (!ok) throw new UsageError('--result-url must be an http(s) URL');
    }
    return withNamedUser(args, io, async (context, user) => {
      if (user.strategy !== 'auth0') throw new CommandError(`${userLabel(user)} is not a database user: no password to change`);
      if (!context.stores.tickets) throw new CommandError('this database keeps no tickets');
      const template = accountTemplate(context.config, 'reset_email');
      const { url, expires_at } = await issueTicket({ tickets: context.stores.tickets, random: context.random, clock: context.clock }, context.config.issuer, {
        kind: 'reset',
        user_id: user.user_id,
        lifetime_s: ttl ?? template?.urlLifetimeInSeconds ?? 432_000,
        ...((resultUrl ?? template?.resultUrl) === undefined ? {} : { result_url: (resultUrl ?? template?.resultUrl)! }),
      });
      io.out(url);
      io.err(`password change ticket for ${userLabel(user)}, valid until ${new Date(expires_at).toISOString()}`);
      return EXIT.ok;
    });
  },
};
