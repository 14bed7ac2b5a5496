import type { UserProfile, UserRecord } from '@oauth-ro/core/ports';

/** A `users` row as `pg` returns it. */
export interface UserRow {
  user_id: string;
  connection: string;
  strategy: string;
  email: string | null;
  username: string | null;
  phone_number: string | null;
  password_hash: string | null;
  blocked: boolean;
  profile: UserProfile;
  created_at: string;
  updated_at: string;
}

/**
 * The record a row stands for; SQL NULLs become absent fields, as in the memory store.
 *
 * @example const user = rowToUser(rows[0]);
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
    blocked: row.blocked,
    profile: row.profile,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
