import type { RefreshTokenRecord, RefreshTokenStore } from '../ports/refresh-token-store.js';

/**
 * Auth0's limit on live refresh tokens per user and application: past it, issuing one more revokes
 * the oldest (revoked and expired tokens do not count).
 */
export const MAX_LIVE_REFRESH_TOKENS = 200;

/**
 * One record per family that can still be used at `now`: its newest unrevoked, unrotated token,
 * unless that one has expired (absolutely or idle). From {@link RefreshTokenStore.listByUser}.
 *
 * @example liveFamilies(await deps.refreshTokens.listByUser(user_id), Date.now()).length; // the user's live families
 */
export function liveFamilies(records: readonly RefreshTokenRecord[], now: number): RefreshTokenRecord[] {
  const byFamily = new Map<string, RefreshTokenRecord>();
  for (const r of records) {
    if ((r.expires_at !== undefined && r.expires_at <= now) || (r.idle_expires_at !== undefined && r.idle_expires_at <= now)) continue;
    const seen = byFamily.get(r.family_id);
    if (!seen || seen.created_at <= r.created_at) byFamily.set(r.family_id, r);
  }
  return [...byFamily.values()];
}

/**
 * Keeps a user's live refresh-token families for one client within `limit`: the ones issued (or last
 * rotated) longest ago are revoked. Called right after a family is created; returns how many were revoked.
 * Two logins racing past the limit compute the same oldest families, so neither revokes a newer one.
 *
 * @example await revokeBeyondLimit(deps.refreshTokens, 'auth0|ada', 'mobile-app', Date.now()); // 0 under the limit
 */
export async function revokeBeyondLimit(
  store: Pick<RefreshTokenStore, 'listByUser' | 'revokeFamily'>,
  user_id: string,
  client_id: string,
  now: number,
  limit: number = MAX_LIVE_REFRESH_TOKENS,
): Promise<number> {
  const live = liveFamilies(await store.listByUser(user_id), now).filter((r) => r.client_id === client_id);
  if (live.length <= limit) return 0;
  live.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let revoked = 0;
  for (const oldest of live.slice(0, live.length - limit)) if ((await store.revokeFamily(oldest.family_id, now)) > 0) revoked += 1;
  return revoked;
}
