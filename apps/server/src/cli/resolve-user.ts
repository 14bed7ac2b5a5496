import type { UserRecord } from '@oauth-ro/core/ports';
import { looksLikeEmail, normalizeIdentifier } from '@oauth-ro/core/internal';
import type { CliIo } from './cli-io.js';
import { withAdminContext, type AdminContext } from './admin-context.js';
import type { CommandArgs } from './command.js';
import { optionalString } from './options.js';
import { CommandError } from './usage-error.js';

/**
 * The user a command line names: a `user_id` (it has a `|`, e.g. `auth0|5f8a…`), or an email or
 * username looked up in the database connections (only `connection`, when given). A name that
 * matches users of several connections is refused, so a command never acts on the wrong one.
 *
 * @example const user = await resolveUser(context, 'alice@example.com');
 */
export async function resolveUser(context: AdminContext, idOrLogin: string, connection?: string): Promise<UserRecord> {
  if (idOrLogin.includes('|')) {
    const user = await context.stores.users.findById(idOrLogin);
    if (!user) throw new CommandError(`no user with user_id ${idOrLogin}`);
    return user;
  }
  const login = normalizeIdentifier(idOrLogin);
  const lookup = looksLikeEmail(login) ? { email: login } : { username: login };
  const names = context.config.connections
    .filter((c) => c.strategy === 'auth0' && (connection === undefined || c.name === connection))
    .map((c) => c.name);
  const found: UserRecord[] = [];
  for (const name of names) {
    const user = await context.stores.users.find(name, lookup);
    if (user) found.push(user);
  }
  if (found.length === 0) throw new CommandError(`no user ${login}${connection === undefined ? '' : ` in ${connection}`}`);
  if (found.length > 1) {
    throw new CommandError(`${login} is a user of several connections (${found.map((u) => u.connection).join(', ')}); give --connection or the user_id`);
  }
  return found[0]!;
}

/**
 * Runs `task` in the admin context on the user a `users …` command names: its first argument, looked
 * up as {@link resolveUser} does (`--connection` narrows an email or username).
 *
 * @example
 * return withNamedUser(args, io, async (context, user) => { io.out(userLabel(user)); return EXIT.ok; });
 */
export function withNamedUser<T>(args: CommandArgs, io: CliIo, task: (context: AdminContext, user: UserRecord) => Promise<T>): Promise<T> {
  return withAdminContext(io, async (context) => task(context, await resolveUser(context, args.positionals[0]!, optionalString(args, 'connection'))));
}

/**
 * How a command's output names a user: its user_id, and its email when it has one.
 *
 * @example userLabel(user); // 'auth0|5f8a… (alice@example.com)'
 */
export function userLabel(user: UserRecord): string {
  return `${user.user_id}${user.email ? ` (${user.email})` : ''}`;
}
