import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import type { AdminDeps } from './types.js';

/**
 * Blocks or unblocks a user administratively (Auth0's `blocked`): a blocked user's right password
 * gets 401 `unauthorized` at `/oauth/ro`, and its tokens stop working at `/userinfo`,
 * `/tokeninfo`, `/delegation` and refresh. Brute-force blocks are separate: see `unblockUser`.
 * `user_not_found` when there is no such user.
 *
 * @example
 * const user = await setUserBlocked(deps, 'auth0|5f8a…', true);
 * if (user.ok) console.log(user.value.blocked); // true
 */
export async function setUserBlocked(
  deps: Pick<AdminDeps, 'users' | 'clock'>,
  user_id: string,
  blocked: boolean,
): Promise<Result<UserRecord, OAuthError>> {
  const updated = await deps.users.update(user_id, { blocked }, new Date(deps.clock.now()).toISOString());
  return updated ? ok(updated) : err(oauthError('user_not_found'));
}
