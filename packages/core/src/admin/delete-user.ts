import type { CoreDeps } from '../ports/deps.js';
import type { AdminConfig, AdminDeps } from './types.js';
import { unblockUser } from './unblock-user.js';

/**
 * Deletes a user and what only it could use: its refresh tokens are revoked, its device keys and
 * MFA enrolments deleted and its brute-force counts cleared, so nothing issued to it still works
 * (and a new user given the same id later starts without MFA). True when the user existed.
 *
 * @example
 * if (!(await deleteUser(deps, config, 'auth0|5f8a…'))) console.error('no such user');
 */
export async function deleteUser(
  deps: AdminDeps & Pick<CoreDeps, 'refreshTokens' | 'deviceCredentials' | 'passwordHistory' | 'mfaEnrollments'>,
  config: AdminConfig,
  user_id: string,
): Promise<boolean> {
  const user = await deps.users.findById(user_id);
  if (!user) return false;
  await unblockUser(deps, config, user_id);
  const at = deps.clock.now();
  if (deps.refreshTokens) {
    const families = new Set((await deps.refreshTokens.listByUser(user_id)).map((r) => r.family_id));
    for (const family of families) await deps.refreshTokens.revokeFamily(family, at);
  }
  if (deps.deviceCredentials) {
    for (const key of await deps.deviceCredentials.listByUser(user_id)) await deps.deviceCredentials.delete(user_id, key.id);
  }
  await deps.passwordHistory?.forget(user_id);
  await deps.mfaEnrollments?.deleteByUser(user_id);
  return deps.users.delete(user_id);
}
