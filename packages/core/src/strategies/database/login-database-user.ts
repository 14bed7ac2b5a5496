import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { looksLikeEmail, normalizeIdentifier } from '../../validation/normalize-identifier.js';
import { err, ok, type Result } from '../../util/result.js';

/**
 * Checks a username-or-email and password against a database (`auth0`) connection.
 * Unknown user and wrong password take the same path and the same hashing work, and give the same
 * error; a blocked user is told so only after the right password. A hash weaker than the configured
 * parameters is replaced on a good login.
 *
 * @example
 * const user = await loginDatabaseUser(deps, connection, 'alice@example.com', 'pw');
 */
export async function loginDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'logger'>,
  connection: ConnectionConfig,
  username: string,
  password: string,
): Promise<Result<UserRecord, OAuthError>> {
  const id = normalizeIdentifier(username);
  const lookup = looksLikeEmail(id) ? { email: id } : { username: id };
  const user = await deps.users.find(connection.name, lookup);
  if (!user?.password_hash) {
    await deps.hasher.verifyDummy(password);
    return err({ ...oauthError('invalid_user_password'), unknownUser: true });
  }
  if (!(await deps.hasher.verify(user.password_hash, password))) return err(oauthError('invalid_user_password'));
  if (user.blocked) return err(oauthError('unauthorized', 'user is blocked'));
  if (connection.options.requires_email_verification === true && user.profile.email_verified !== true) {
    return err(oauthError('unauthorized', 'Please verify your email before logging in.'));
  }
  if (deps.hasher.needsRehash(user.password_hash)) {
    const password_hash = await deps.hasher.hash(password);
    const updated = await deps.users.update(user.user_id, { password_hash }, new Date(deps.clock.now()).toISOString());
    deps.logger?.info({ user_id: user.user_id }, 'password hash upgraded');
    return ok(updated ?? user);
  }
  return ok(user);
}
