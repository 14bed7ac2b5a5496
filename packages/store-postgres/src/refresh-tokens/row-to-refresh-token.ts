import { columnsFromRecord, recordFromColumns, type RecordColumns, type RefreshTokenRecord } from '@oauth-ro/core/ports';

// Insert order; `audience` last, added by a migration.
const NAMES = [
  'id', 'token_hash', 'family_id', 'user_id', 'client_id', 'device', 'scope', 'rotating',
  'created_at', 'expires_at', 'last_used_at', 'rotated_at', 'revoked_at', 'idle_expires_at', 'audience',
] as const satisfies readonly (keyof RefreshTokenRecord)[];

/** The times of a record, `bigint` columns that `pg` returns as strings. */
type Time = 'created_at' | 'expires_at' | 'last_used_at' | 'rotated_at' | 'revoked_at' | 'idle_expires_at';

/** A `refresh_tokens` row as `pg` returns it (`bigint` arrives as a string). */
export type RefreshTokenRow = Omit<RecordColumns<RefreshTokenRecord>, Time> & { created_at: string } & Record<Exclude<Time, 'created_at'>, string | null>;

/** The columns, in the order {@link refreshTokenValues} gives them. */
export const REFRESH_TOKEN_COLUMNS = NAMES.join(', ');

const time = (value: string | null) => (value === null ? null : Number(value));

/**
 * The record a row stands for; NULL times become absent fields.
 *
 * @example const records = rows.map(rowToRefreshToken);
 */
export function rowToRefreshToken(row: RefreshTokenRow): RefreshTokenRecord {
  return recordFromColumns<RefreshTokenRecord>({
    ...row,
    created_at: Number(row.created_at),
    expires_at: time(row.expires_at),
    last_used_at: time(row.last_used_at),
    rotated_at: time(row.rotated_at),
    revoked_at: time(row.revoked_at),
    idle_expires_at: time(row.idle_expires_at),
  });
}

/**
 * Statement parameters for a record, in {@link REFRESH_TOKEN_COLUMNS} order.
 *
 * @example await sql.query(`INSERT INTO refresh_tokens (${REFRESH_TOKEN_COLUMNS}) VALUES (…)`, refreshTokenValues(r));
 */
export function refreshTokenValues(record: RefreshTokenRecord): unknown[] {
  return Object.values(columnsFromRecord(record, NAMES));
}
