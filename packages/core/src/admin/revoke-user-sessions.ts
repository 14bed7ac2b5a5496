import type { CoreDeps } from '../ports/deps.js';

/** What {@link revokeUserSessions} ended. */
export interface RevokedSessions {
  /** Refresh-token families revoked (each a device's session). */
  readonly refresh_token_families: number;
  /** Touch ID device keys deleted. */
  readonly device_credentials: number;
}

/**
 * Ends every session a user holds that outlives a password: revokes each of their refresh-token
 * families and deletes each of their Touch ID device keys (whoever enrolled it). Stores without the
 * port are skipped.
 *
 * @example
 * const revoked = await revokeUserSessions(deps, 'auth0|5f8a…');
 * // { refresh_token_families: 2, device_credentials: 1 }
 */
export async function revokeUserSessions(
  deps: Pick<CoreDeps, 'refreshTokens' | 'deviceCredentials' | 'clock'>,
  user_id: string,
): Promise<RevokedSessions> {
  let refresh_token_families = 0;
  let device_credentials = 0;
  if (deps.refreshTokens) {
    const families = new Set((await deps.refreshTokens.listByUser(user_id)).map((r) => r.family_id));
    for (const family of families) {
      if ((await deps.refreshTokens.revokeFamily(family, deps.clock.now())) > 0) refresh_token_families += 1;
    }
  }
  if (deps.deviceCredentials) {
    for (const key of await deps.deviceCredentials.listByUser(user_id)) {
      if (await deps.deviceCredentials.delete(user_id, key.id)) device_credentials += 1;
    }
  }
  return { refresh_token_families, device_credentials };
}
