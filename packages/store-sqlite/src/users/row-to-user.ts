import type { UserProfile, UserRecord } from '@oauth-ro/core/ports';

/** A `users` row as better-sqlite3 returns it. */
export interface UserRow {
  user_id: string;
  connection: string;
  strategy: string;
  email: string | null;
  username: string | null;
  phone_number: string | null;
  password_hash: string | null;
  blocked: number;
  profile: string;
  created_at: string;
  updated_at: string;
}

/**
 * The record a row stands for; SQL NULLs become absent fields, as in the memory store.
 *
 * @example const user = rowToUser(statement.get(user_id) as UserRow);
 */
export function rowToUser(row: UserRow): UserRecord {
  return {
    user_id: row.user_id,
    connection: row.connection,
    strategy: row.strategy,
    ...(row.email !== null && { email: row.email }),
    ...(row.username !== null && { username: row.username }),
    ...(row.phone_number !== null && { phone_number: row.phone_number }),
    ...(row.password_hash !== null && { password_hash: row.password_hash }),
    blocked: row.blocked === 1,
    profile: JSON.parse(row.profile) as UserProfile,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/**
 * The row for a record (absent fields become NULL, booleans 0/1, the profile JSON text).
 *
 * @example insert.run(userToParams(user));
 */
export function userToParams(user: UserRecord): UserRow {
  return {
    user_id: user.user_id,
    connection: user.connection,
    strategy: user.strategy,
    email: user.email ?? null,
    username: user.username ?? null,
    phone_number: user.phone_number ?? null,
    password_hash: user.password_hash ?? null,
    blocked: user.blocked ? 1 : 0,
    profile: JSON.stringify(user.profile ?? {}),
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}
