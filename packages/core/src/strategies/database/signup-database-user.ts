import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { toHex } from '../../util/encoding.js';
import { err, ok, type Result } from '../../util/result.js';
import { looksLikeEmail, normalizeIdentifier } from '../../validation/normalize-identifier.js';
import { checkNewPassword, rememberPassword } from './check-new-password.js';
import { customDatabaseOf } from './custom-database-of.js';
import { signupCustomDatabaseUser } from './signup-custom-database-user.js';

/** What a sign-up asks for, after type validation. */
export interface SignupInput {
  readonly email: string;
  readonly password: string;
  readonly username?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  /** Set by a pre-sign-up step, never by the caller. */
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  /** The application signing the user up (a custom database's `create` script sees it). */
  readonly client_id?: string;
}

const USERNAME = /^[a-z0-9_.+\-@]+$/;

/** `validation.username` limits of a connection (Auth0's option), default 1 to 128. */
function usernameLimits(options: Readonly<Record<string, unknown>>): { min: number; max: number } {
  const validation = options.validation as { username?: { min?: unknown; max?: unknown } } | undefined;
  const min = validation?.username?.min;
  const max = validation?.username?.max;
  return { min: typeof min === 'number' ? min : 1, max: typeof max === 'number' ? max : 128 };
}

/**
 * Creates a database user. The password is hashed before the insert, and the insert is one atomic
 * write that refuses a taken email or username, so a failure leaves nothing half-created and a
 * taken address costs the same time as a free one. On a custom-database connection the scripts are
 * asked first ({@link signupCustomDatabaseUser}).
 *
 * @example
 * await signupDatabaseUser(deps, connection, { email: 'a@example.com', password: 'Secr3tPass' });
 */
export async function signupDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'random' | 'passwordHistory' | 'customDatabases'>,
  connection: ConnectionConfig,
  input: SignupInput,
): Promise<Result<UserRecord, OAuthError>> {
  const email = normalizeIdentifier(input.email);
  if (!looksLikeEmail(email)) return err(oauthError('invalid_signup', 'email is not a valid email address'));
  const username = input.username === undefined ? undefined : normalizeIdentifier(input.username);
  if (connection.options.requires_username === true && username === undefined) {
    return err(oauthError('missing_parameter', 'missing username parameter'));
  }
  if (username !== undefined && (!USERNAME.test(username) || looksLikeEmail(username))) {
    return err(oauthError('invalid_signup', 'username may only contain letters, numbers and _ . + - @ and must not be an email'));
  }
  const limits = usernameLimits(connection.options);
  if (username !== undefined && (username.length < limits.min || username.length > limits.max)) {
    return err(oauthError('invalid_signup', `username must be from ${limits.min} to ${limits.max} characters`));
  }
  const checked = await checkNewPassword(deps, connection, input.password, {
    email,
    ...(username === undefined ? {} : { username }),
    ...(input.user_metadata === undefined ? {} : { user_metadata: input.user_metadata }),
  });
  if (!checked.ok) return checked;
  const custom = customDatabaseOf(deps, connection);
  if (custom) {
    const upstream = await signupCustomDatabaseUser(deps, custom, connection, { ...input, email, ...(username === undefined ? {} : { username }) });
    if (upstream) return upstream;
  }

  const password_hash = await deps.hasher.hash(input.password);
  const now = new Date(deps.clock.now()).toISOString();
  const user: UserRecord = {
    user_id: `auth0|${toHex(deps.random.bytes(12))}`,
    connection: connection.name,
    strategy: 'auth0',
    email,
    ...(username === undefined ? {} : { username }),
    password_hash,
    blocked: false,
    profile: {
      email_verified: false,
      ...(input.user_metadata === undefined ? {} : { user_metadata: input.user_metadata }),
      ...(input.app_metadata === undefined ? {} : { app_metadata: input.app_metadata }),
    },
    created_at: now,
    updated_at: now,
  };
  const created = await deps.users.create(user);
  if (!created.created) {
    // Auth0 said which key was taken: `user_exists` for the email, `username_exists` for the username.
    const byEmail = await deps.users.find(connection.name, { email });
    return err(oauthError(byEmail || username === undefined ? 'user_exists' : 'username_exists'));
  }
  await rememberPassword(deps, connection, user.user_id, password_hash, deps.clock.now());
  return ok(user);
}
