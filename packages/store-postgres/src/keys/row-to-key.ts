import { recordFromColumns, type RecordColumns, type SigningKeyRecord } from '@oauth-ro/core/ports';

/** A `signing_keys` row as `pg` returns it (`bigint` arrives as a string). */
export type KeyRow = Omit<RecordColumns<SigningKeyRecord>, 'created_at' | 'retired_at'> & { created_at: string; retired_at: string | null };

/**
 * The record a row stands for; an active key has no `retired_at` at all.
 *
 * @example const keys = rows.map(rowToKey);
 */
export function rowToKey(row: KeyRow): SigningKeyRecord {
  return recordFromColumns<SigningKeyRecord>({ ...row, created_at: Number(row.created_at), retired_at: row.retired_at === null ? null : Number(row.retired_at) });
}
