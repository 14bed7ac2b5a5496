import type { CoreDeps } from '../ports/deps.js';

/**
 * Ends what a user's old password opened: every refresh token family is revoked and every device
 * key (Touch ID) deleted. Returns how many of each went.
 *
 * @example await revokeUserSessions(deps, 'auth0|5f8a…');
 */
export async function revokeUserSessions(
  deps: Pick<CoreDeps, 'refreshTokens' | 'deviceCredentials' | 'clock'>,
  user_id: string,
): Promise<{ refresh_tokens: number; device_credentials: number }> {
  let refresh_tokens = 0;
  let device_credentials = 0;
  const at = deps.clock.now();
  if (deps.refreshTokens) {
    const families = new Set((await deps.refreshTokens.listByUser(user_id)).map((r) => r.family_id));
    for (const family of families) refresh_tokens += await deps.refreshTokens.revokeFamily(family, at);
  }
  if (deps.deviceCredentials) {
    for (const key of await deps.deviceCredentials.listByUser(user_id)) {
      if (await deps.deviceCredentials.delete(user_id, key.id)) device_credentials += 1;
    }
  }
  return { refresh_tokens, device_credentials };
}
