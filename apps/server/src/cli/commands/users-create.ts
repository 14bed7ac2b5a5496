import { ERROR_TABLE, signupDatabaseUser } from '@oauth-ro/core/internal';
import { databaseConnection, withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString, requiredString } from '../options.js';
import { passwordFromOptions } from '../read-password.js';
import { CommandError } from '../usage-error.js';

/** `oauth-ro users create`: a database user with an argon2id hash, the connection's password policy checked. */
export const usersCreate: CliCommand = {
  name: 'users create',
  summary: 'create a database user (password from stdin, argon2id)',
  help: `Usage: oauth-ro users create --connection <name> --email <address> [--username <name>] (--password-stdin | --password <password>)

Creates a user of a database (auth0) connection. The password must pass the connection's password
policy and is stored as an argon2id hash. --password-stdin reads it from the first line of standard
input (on a terminal it is asked for, not shown); --password also works but leaves the password in
shell history and the process list.

Options:
  --connection <name>   a database connection of the configuration
  --email <address>     the user's email (their login)
  --username <name>     a username too, for connections that use them
  --password-stdin      read the password from standard input
  --password <password> the password itself (discouraged)

Example:
  printf '%s\\n' 'Corr3ct-Horse' | oauth-ro users create --connection Username-Password-Authentication --email alice@example.com --password-stdin`,
  options: {
    connection: { type: 'string' },
    email: { type: 'string' },
    username: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    password: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const name = requiredString(args, 'connection');
    const email = requiredString(args, 'email');
    const username = optionalString(args, 'username');
    const password = await passwordFromOptions(args, io);
    return withAdminContext(io, async (context) => {
      const connection = databaseConnection(context.config, name);
      const result = await signupDatabaseUser({ users: context.stores.users, passwordHistory: context.stores.passwordHistory, hasher: context.hasher, clock: context.clock, random: context.random }, connection, {
        email,
        password,
        ...(username === undefined ? {} : { username }),
      });
      if (!result.ok) {
        const { code, description } = result.error;
        if (code === 'user_exists' || code === 'username_exists') {
          throw new CommandError(`a user with this ${code === 'user_exists' ? 'email' : 'username'} already exists in ${connection.name}`);
        }
        throw new CommandError(description ?? ERROR_TABLE[code].description);
      }
      const user = result.value;
      io.out(`created ${user.user_id} (${user.email}) in ${connection.name}`);
      return EXIT.ok;
    });
  },
};
