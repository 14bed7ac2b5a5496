import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import type { AdminConfig, AdminDeps, BruteForceBlock } from './types.js';
import { unblockIdentifier } from './unblock-identifier.js';
import { userIdentifiers } from './user-identifiers.js';

/**
 * Clears the brute-force counts of each of a user's identifiers on its connection and returns the
 * blocks released (each emits `ublkdu`). An administrator's block (`blocked: true`) is another
 * matter: see {@link setUserBlocked}. `user_not_found` when there is no such user.
 *
 * @example
 * const released = await unblockUser(deps, config, 'auth0|5f8a…');
 * if (!released.ok) console.error(released.error.description);
 */
export async function unblockUser(
  deps: Pick<AdminDeps, 'users' | 'counters' | 'clock' | 'audit'>,
  config: AdminConfig,
  user_id: string,
  reason: 'admin' | 'password_change' = 'admin',
): Promise<Result<BruteForceBlock[], OAuthError>> {
  const user = await deps.users.findById(user_id);
  if (!user) return err(oauthError('user_not_found'));
  const released: BruteForceBlock[] = [];
  for (const identifier of new Set(userIdentifiers(user))) {
    released.push(...(await unblockIdentifier(deps, config, identifier, { connection: user.connection, user_id, reason })));
  }
  return ok(released);
}
