import type { RefreshTokenRecord } from '@oauth-ro/core/ports';

/** The columns of `refresh_tokens`, in insert order. */
export const REFRESH_TOKEN_COLUMNS =
  'id, token_hash, family_id, user_id, client_id, device, scope, rotating, created_at, expires_at, last_used_at, rotated_at, revoked_at, idle_expires_at';

/** A `refresh_tokens` row as better-sqlite3 returns it. */
export interface RefreshTokenRow {
  id: string;
  token_hash: string;
  family_id: string;
  user_id: string;
  client_id: string;
  device: string;
  scope: string;
  rotating: number;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  rotated_at: number | null;
  revoked_at: number | null;
  idle_expires_at: number | null;
}

/**
 * The record a row stands for; absent times are absent properties, not `null`.
 *
 * @example const record = rowToRefreshToken(row);
 */
export function rowToRefreshToken(row: RefreshTokenRow): RefreshTokenRecord {
  return {
    id: row.id,
    token_hash: row.token_hash,
    family_id: row.family_id,
    user_id: row.user_id,
    client_id: row.client_id,
    device: row.device,
    scope: row.scope,
    rotating: row.rotating === 1,
    created_at: row.created_at,
    ...(row.expires_at !== null && { expires_at: row.expires_at }),
    ...(row.idle_expires_at !== null && { idle_expires_at: row.idle_expires_at }),
    ...(row.last_used_at !== null && { last_used_at: row.last_used_at }),
    ...(row.rotated_at !== null && { rotated_at: row.rotated_at }),
    ...(row.revoked_at !== null && { revoked_at: row.revoked_at }),
  };
}

/**
 * Named parameters for inserting `record`.
 *
 * @example insert.run(refreshTokenParams(record));
 */
export function refreshTokenParams(record: RefreshTokenRecord): Record<string, unknown> {
  return {
    id: record.id,
    token_hash: record.token_hash,
    family_id: record.family_id,
    user_id: record.user_id,
    client_id: record.client_id,
    device: record.device,
    scope: record.scope,
    rotating: record.rotating ? 1 : 0,
    created_at: record.created_at,
    expires_at: record.expires_at ?? null,
    last_used_at: record.last_used_at ?? null,
    rotated_at: record.rotated_at ?? null,
    revoked_at: record.revoked_at ?? null,
    idle_expires_at: record.idle_expires_at ?? null,
  };
}
