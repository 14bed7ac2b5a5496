import { recordFromColumns, type RecordColumns, type SigningKeyRecord } from '@oauth-ro/core/ports';

/** A `signing_keys` row as better-sqlite3 returns it. */
export type KeyRow = RecordColumns<SigningKeyRecord>;

/**
 * The record a row stands for; an active key has no `retired_at` at all.
 *
 * @example const keys = (list.all() as KeyRow[]).map(rowToKey);
 */
export function rowToKey(row: KeyRow): SigningKeyRecord {
  return recordFromColumns<SigningKeyRecord>(row);
}
