import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { looksLikeEmail, normalizeIdentifier } from '../../validation/normalize-identifier.js';
import { err, ok, type Result } from '../../util/result.js';
import { loginCustomDatabaseUser } from './login-custom-database-user.js';

/**
 * Checks a password with the same work for an unknown user (`hash` undefined), an argon2id hash and
 * a legacy hash: while the connection holds legacy hashes (`UserStore.legacyHashes`), the hasher
 * does one check of each kind (`PasswordHasher.verifyUniform`), dummy where the hash is the other
 * kind. Without legacy hashes, or a hasher or store that cannot tell, one check of the hash's kind.
 *
 * @example await verifyPasswordUniformly(deps, connection, user?.password_hash, 'pw'); // false
 */
export async function verifyPasswordUniformly(
  deps: Pick<CoreDeps, 'users' | 'hasher'>,
  connection: ConnectionConfig,
  hash: string | undefined,
  password: string,
): Promise<boolean> {
  if (deps.hasher.verifyUniform && deps.users.legacyHashes) {
    return deps.hasher.verifyUniform(hash, password, await deps.users.legacyHashes(connection.name));
  }
  if (hash === undefined) {
    await deps.hasher.verifyDummy(password);
    return false;
  }
  return deps.hasher.verify(hash, password);
}

/**
 * The database user a typed username-or-email names, if any (normalised, looked up as an email when
 * it looks like one, as a username otherwise).
 *
 * @example const user = await findDatabaseUser(deps, connection, 'Alice@Example.com');
 */
export async function findDatabaseUser(
  deps: Pick<CoreDeps, 'users'>,
  connection: ConnectionConfig,
  username: string,
): Promise<UserRecord | undefined> {
  const id = normalizeIdentifier(username);
  return deps.users.find(connection.name, looksLikeEmail(id) ? { email: id } : { username: id });
}

/**
 * Checks a username-or-email and password against a database (`auth0`) connection.
 * Unknown user and wrong password take the same path and the same hashing work, and give the same
 * error, whatever kind of hash the user has (see {@link verifyPasswordUniformly}); a blocked user is told so only after the right password. A hash weaker than the configured
 * parameters is replaced on a good login. `found` is the user {@link findDatabaseUser} already
 * looked up (null: looked up, none), to spare a second lookup.
 *
 * @example
 * const user = await loginDatabaseUser(deps, connection, 'alice@example.com', 'pw');
 */
export async function loginDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'logger' | 'customDatabases'>,
  connection: ConnectionConfig,
  username: string,
  password: string,
  found?: UserRecord | null,
): Promise<Result<UserRecord, OAuthError>> {
  const custom = deps.customDatabases?.[connection.name];
  if (custom) return loginCustomDatabaseUser(deps, custom, connection, username, password, () => loginLocalUser(deps, connection, username, password, found));
  return loginLocalUser(deps, connection, username, password, found);
}

async function loginLocalUser(
  deps: Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'logger'>,
  connection: ConnectionConfig,
  username: string,
  password: string,
  found?: UserRecord | null,
): Promise<Result<UserRecord, OAuthError>> {
  const user = found === undefined ? await findDatabaseUser(deps, connection, username) : (found ?? undefined);
  const verified = await verifyPasswordUniformly(deps, connection, user?.password_hash, password);
  if (!user?.password_hash) return err({ ...oauthError('invalid_user_password'), unknownUser: true });
  if (!verified) return err(oauthError('invalid_user_password'));
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
