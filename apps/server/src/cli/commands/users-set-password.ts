import { setUserPassword } from '@oauth-ro/core/admin';
import { ERROR_TABLE } from '@oauth-ro/core/internal';
import { EXIT, type CliCommand } from '../command.js';
import { passwordFromOptions } from '../read-password.js';
import { userLabel, withNamedUser } from '../resolve-user.js';
import { CommandError } from '../usage-error.js';
import { withCustomDatabases } from '../custom-databases.js';

/** `oauth-ro users set-password`: a new argon2id password, e.g. for a user imported without a hash. */
export const usersSetPassword: CliCommand = {
  name: 'users set-password',
  summary: "set a database user's password (from stdin, argon2id)",
  help: `Usage: oauth-ro users set-password <user_id | email | username> [--connection <name>] (--password-stdin | --password <password>)

Sets a database user's password, checked against its connection's password policy and stored as
argon2id; the user's brute-force blocks are released, and (unless --keep-sessions) every refresh
token of the user is revoked and every Touch ID device key deleted, so whoever knew the old password
is logged out. Useful for users imported without a hash, and after an account takeover. On a
custom-database connection without import_mode the connection's change_password script sets it in the
legacy system instead.
--password-stdin reads the password from the first line of standard input (on a terminal it is
asked for, not shown); --password also works but leaves it in shell history and the process list.

Options:
  --connection <name>   where to look an email or username up
  --password-stdin      read the password from standard input
  --password <password> the password itself (discouraged)
  --keep-sessions       keep the user's refresh tokens and device keys

Example:
  printf '%s\\n' 'N3w-Corr3ct-Horse' | oauth-ro users set-password alice@example.com --password-stdin`,
  options: { connection: { type: 'string' }, 'password-stdin': { type: 'boolean' }, password: { type: 'string' }, 'keep-sessions': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const password = await passwordFromOptions(args, io);
    return withNamedUser(args, io, async ({ stores, hasher, clock, config, logger }, user) => {
      const deps = { users: stores.users, counters: stores.counters, refreshTokens: stores.refreshTokens, deviceCredentials: stores.deviceCredentials, passwordHistory: stores.passwordHistory, hasher, clock };
      // A custom-database user without import_mode gets the password through the change_password script.
      const result = await withCustomDatabases(config, logger, user.connection, (customDatabases) =>
        setUserPassword({ ...deps, ...(customDatabases ? { customDatabases } : {}) }, config, user.user_id, password, { keepSessions: args.values['keep-sessions'] === true }),
      );
      if (!result.ok) throw new CommandError(result.error.description ?? ERROR_TABLE[result.error.code].description);
      io.out(`password set for ${userLabel(user)}`);
      return EXIT.ok;
    });
  },
};
