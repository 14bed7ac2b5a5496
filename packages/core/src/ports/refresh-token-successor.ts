import type { RefreshTokenRecord, RefreshTokenRotation } from './refresh-token-store.js';

/**
 * The successor a store keeps when {@link RefreshTokenStore.use} rotates `record`: the new id, hash
 * and creation time; family, user, client, device, scope, audience, rotation and absolute expiry
 * inherited; its own idle deadline (absent: none); nothing of the old token's use.
 *
 * @example const successor = refreshTokenSuccessor(record, rotation, idle_expires_at);
 */
export function refreshTokenSuccessor(record: RefreshTokenRecord, rotation: RefreshTokenRotation, idle_expires_at: number | undefined): RefreshTokenRecord {
  const { rotated_at: _r, last_used_at: _l, revoked_at: _v, idle_expires_at: _i, ...inherited } = record;
  return { ...inherited, ...rotation.successor, ...(idle_expires_at !== undefined && { idle_expires_at }) };
}
