import { columnsFromRecord, recordFromColumns, type RecordColumns, type RefreshTokenRecord } from '@oauth-ro/core/ports';

// Insert order; `audience` last, added by a migration.
const NAMES = [
  'id', 'token_hash', 'family_id', 'user_id', 'client_id', 'device', 'scope', 'rotating',
  'created_at', 'expires_at', 'last_used_at', 'rotated_at', 'revoked_at', 'idle_expires_at', 'audience',
] as const satisfies readonly (keyof RefreshTokenRecord)[];

/** The columns of `refresh_tokens`, in insert order. */
export const REFRESH_TOKEN_COLUMNS = NAMES.join(', ');

/** A `refresh_tokens` row as better-sqlite3 returns it (booleans are 0/1). */
export type RefreshTokenRow = Omit<RecordColumns<RefreshTokenRecord>, 'rotating'> & { rotating: number };

/**
 * The record a row stands for; absent times are absent properties, not `null`.
 *
 * @example const record = rowToRefreshToken(row);
 */
export function rowToRefreshToken(row: RefreshTokenRow): RefreshTokenRecord {
  return recordFromColumns<RefreshTokenRecord>({ ...row, rotating: row.rotating === 1 });
}

/**
 * Named parameters for inserting `record`.
 *
 * @example insert.run(refreshTokenParams(record));
 */
export function refreshTokenParams(record: RefreshTokenRecord): Record<string, unknown> {
  return { ...columnsFromRecord(record, NAMES), rotating: record.rotating ? 1 : 0 };
}
