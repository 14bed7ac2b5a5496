import { columnsFromRecord, recordFromColumns, type RecordColumns, type UserProfile, type UserRecord } from '@oauth-ro/core/ports';

const NAMES = [
  'user_id', 'connection', 'strategy', 'email', 'username', 'phone_number', 'password_hash', 'blocked', 'profile', 'created_at', 'updated_at',
] as const satisfies readonly (keyof UserRecord)[];

/** A `users` row as better-sqlite3 returns it: booleans are 0/1, the profile JSON text. */
export type UserRow = Omit<RecordColumns<UserRecord>, 'blocked' | 'profile'> & { blocked: number; profile: string };

/**
 * The record a row stands for; SQL NULLs become absent fields, as in the memory store.
 *
 * @example const user = rowToUser(statement.get(user_id) as UserRow);
 */
export function rowToUser(row: UserRow): UserRecord {
  return recordFromColumns<UserRecord>({ ...row, blocked: row.blocked === 1, profile: JSON.parse(row.profile) as UserProfile });
}

/**
 * The row for a record (absent fields become NULL, booleans 0/1, the profile JSON text).
 *
 * @example insert.run(userToParams(user));
 */
export function userToParams(user: UserRecord): UserRow {
  return { ...columnsFromRecord(user, NAMES), blocked: user.blocked ? 1 : 0, profile: JSON.stringify(user.profile ?? {}) };
}
