import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { UserRecord } from '../ports/user-store.js';
import type { CoreDeps } from '../ports/deps.js';
import { checkNewPassword, rememberPassword } from '../strategies/database/check-new-password.js';
import { passwordOwnerOf } from './password-owner-of.js';
import { err, ok, type Result } from '../util/result.js';
import type { AdminConfig, AdminDeps } from './types.js';
import { revokeUserSessions } from './revoke-user-sessions.js';
import { unblockUser } from './unblock-user.js';
import { customDatabaseOf, keepsUsersUpstream } from '../strategies/database/custom-database-of.js';

/** Options of {@link setUserPassword}. */
export interface SetUserPasswordOptions {
  /**
   * Keep the user's refresh tokens and Touch ID device keys. Default false: a new password ends
   * every session, so whoever knew the old one (or stole a device) is logged out.
   */
  readonly keepSessions?: boolean;
}

/**
 * Sets a database user's password: checked against its connection's password policy, hashed with
 * `deps.hasher` (argon2id), stored; then, unless `options.keepSessions`, every refresh token of the
 * user is revoked and every Touch ID device key deleted ({@link revokeUserSessions}); and the user's
 * brute-force blocks are released (a password change ends them, each emitting `ublkdu`). Every
 * caller (admin API, CLI, a password-reset page) goes through here. On a custom-database connection
 * without `import_mode` the connection's `change_password` script sets it instead (nothing is stored
 * here; `false` from the script is `user_not_found`). Errors: `user_not_found`,
 * `unsupported_operation` (not a database user, or no change_password script), `invalid_password`
 * (policy, with what is wrong), `temporarily_unavailable` (the script failed).
 *
 * @example
 * const user = await setUserPassword(deps, config, 'auth0|5f8a…', 'N3w-Correct-Horse');
 * if (!user.ok) console.error(user.error.description);
 */
export async function setUserPassword(
  deps: Pick<AdminDeps, 'users' | 'hasher' | 'counters' | 'clock' | 'audit' | 'logger' | 'refreshTokens' | 'deviceCredentials'> & Pick<CoreDeps, 'passwordHistory' | 'customDatabases'>,
  config: AdminConfig,
  user_id: string,
  password: string,
  options: SetUserPasswordOptions = {},
): Promise<Result<UserRecord, OAuthError>> {
  const user = await deps.users.findById(user_id);
  if (!user) return err(oauthError('user_not_found'));
  if (user.strategy !== 'auth0') {
    return err(oauthError('unsupported_operation', 'only users of a database (auth0) connection have a password here'));
  }
  const connection = config.connections.find((c) => c.name === user.connection);
  const checked = await checkNewPassword(deps, connection ?? { name: user.connection, strategy: 'auth0', enabled_clients: [], options: {} }, password, passwordOwnerOf(user));
  if (!checked.ok) return checked;
  if (keepsUsersUpstream(connection)) {
    // Auth0's change_password script: the password lives upstream only (docs/spec.md §5.7).
    const custom = customDatabaseOf(deps, connection)?.custom;
    if (!custom?.changePassword) return err(oauthError('unsupported_operation', `the ${user.connection} connection has no change_password script here`));
    const changed = await custom.changePassword(user.email ?? user.username ?? '', password);
    if (!changed.ok) return changed;
    if (!changed.value) return err(oauthError('user_not_found', 'the custom database did not change the password'));
    deps.logger?.info({ event: 'scp', user_id }, 'password changed by the custom database');
    await endSessions(deps, config, user_id, options);
    return ok(user);
  }
  return storePasswordHash(deps, config, user_id, await deps.hasher.hash(password), options);
}

/** What every new password brings: the user's sessions ended (unless kept), brute-force blocks released. */
async function endSessions(
  deps: Pick<AdminDeps, 'users' | 'counters' | 'clock' | 'audit' | 'logger' | 'refreshTokens' | 'deviceCredentials'>,
  config: AdminConfig,
  user_id: string,
  options: SetUserPasswordOptions,
): Promise<void> {
  if (!options.keepSessions) {
    const revoked = await revokeUserSessions(deps, user_id);
    deps.logger?.info({ event: 'scp', user_id, ...revoked }, 'sessions ended by the password change');
  }
  await unblockUser(deps, config, user_id, 'password_change');
}

/**
 * Stores a password hash already made (and checked) for a database user, with everything a new
 * password brings: remembered for `password_history`, the user's sessions ended unless
 * `options.keepSessions` ({@link revokeUserSessions}), brute-force blocks released. The second half
 * of {@link setUserPassword}, also used by a reset ticket that carries the hash of a password checked
 * when the ticket was made (Auth0's legacy `change_password` with `password`).
 *
 * @example await storePasswordHash(deps, config, 'auth0|5f8a…', await deps.hasher.hash('N3w-Correct-Horse'));
 */
export async function storePasswordHash(
  deps: Pick<AdminDeps, 'users' | 'counters' | 'clock' | 'audit' | 'logger' | 'refreshTokens' | 'deviceCredentials'> & Pick<CoreDeps, 'passwordHistory'>,
  config: AdminConfig,
  user_id: string,
  password_hash: string,
  options: SetUserPasswordOptions = {},
): Promise<Result<UserRecord, OAuthError>> {
  const updated = await deps.users.update(user_id, { password_hash }, new Date(deps.clock.now()).toISOString());
  if (!updated) return err(oauthError('user_not_found'));
  const connection = config.connections.find((c) => c.name === updated.connection);
  if (connection) await rememberPassword(deps, connection, user_id, password_hash, deps.clock.now());
  deps.logger?.info({ event: 'scp', user_id }, 'password changed');
  await endSessions(deps, config, user_id, options);
  return ok(updated);
}
