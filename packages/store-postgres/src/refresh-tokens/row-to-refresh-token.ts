import type { RefreshTokenRecord } from '@oauth-ro/core/ports';

/** A `refresh_tokens` row as `pg` returns it (`bigint` arrives as a string). */
export interface RefreshTokenRow {
  id: string;
  token_hash: string;
  family_id: string;
  user_id: string;
  client_id: string;
  device: string;
  scope: string;
  rotating: boolean;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  rotated_at: string | null;
  revoked_at: string | null;
  idle_expires_at: string | null;
}

/** The columns, in the order {@link refreshTokenValues} gives them. */
export const REFRESH_TOKEN_COLUMNS =
  'id, token_hash, family_id, user_id, client_id, device, scope, rotating, created_at, expires_at, last_used_at, rotated_at, revoked_at, idle_expires_at';

/**
 * The record a row stands for; NULL times become absent fields.
 *
 * @example const records = rows.map(rowToRefreshToken);
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
    rotating: row.rotating,
    created_at: Number(row.created_at),
    ...(row.expires_at !== null && { expires_at: Number(row.expires_at) }),
    ...(row.idle_expires_at !== null && { idle_expires_at: Number(row.idle_expires_at) }),
    ...(row.last_used_at !== null && { last_used_at: Number(row.last_used_at) }),
    ...(row.rotated_at !== null && { rotated_at: Number(row.rotated_at) }),
    ...(row.revoked_at !== null && { revoked_at: Number(row.revoked_at) }),
  };
}

/**
 * Statement parameters for a record, in {@link REFRESH_TOKEN_COLUMNS} order.
 *
 * @example await sql.query(`INSERT INTO refresh_tokens (${REFRESH_TOKEN_COLUMNS}) VALUES (…)`, refreshTokenValues(r));
 */
export function refreshTokenValues(r: RefreshTokenRecord): unknown[] {
  return [
    r.id,
    r.token_hash,
    r.family_id,
    r.user_id,
    r.client_id,
    r.device,
    r.scope,
    r.rotating,
    r.created_at,
    r.expires_at ?? null,
    r.last_used_at ?? null,
    r.rotated_at ?? null,
    r.revoked_at ?? null,
    r.idle_expires_at ?? null,
  ];
}
