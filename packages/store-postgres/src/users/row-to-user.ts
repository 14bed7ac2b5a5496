import { recordFromColumns, type RecordColumns, type UserRecord } from '@oauth-ro/core/ports';

/** A `users` row as `pg` returns it (`profile` is JSONB, already parsed). */
export type UserRow = RecordColumns<UserRecord>;

/**
 * The record a row stands for; SQL NULLs become absent fields, as in the memory store.
 *
 * @example const user = rowToUser(rows[0]);
 */
export function rowToUser(row: UserRow): UserRecord {
  return recordFromColumns<UserRecord>(row);
}
