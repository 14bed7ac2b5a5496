import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { toHex } from '../../util/encoding.js';
import { err, ok, type Result } from '../../util/result.js';
import { looksLikeEmail, normalizeIdentifier } from '../../validation/normalize-identifier.js';
import { checkPasswordPolicy, passwordPolicyOf } from './password-policy.js';

/** What a sign-up asks for, after type validation. */
export interface SignupInput {
  readonly email: string;
  readonly password: string;
  readonly username?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  /** Set by a pre-sign-up step, never by the caller. */
  readonly app_metadata?: Readonly<Record<string, unknown>>;
}

const USERNAME = /^[a-z0-9_.+\-@]{1,128}$/;

/**
 * Creates a database user. The password is hashed before the insert, and the insert is one atomic
 * write that refuses a taken email or username, so a failure leaves nothing half-created and a
 * taken address costs the same time as a free one.
 *
 * @example
 * await signupDatabaseUser(deps, connection, { email: 'a@example.com', password: 'Secr3tPass' });
 */
export async function signupDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'random'>,
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
  const problem = checkPasswordPolicy(passwordPolicyOf(connection.options), input.password);
  if (problem) return err(oauthError('invalid_password', problem));

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
  // Auth0's own words for a taken address; nothing more is said to the caller.
  return created.created ? ok(user) : err(oauthError('invalid_signup', 'Invalid sign up'));
}
