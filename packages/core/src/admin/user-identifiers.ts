import type { UserRecord } from '../ports/user-store.js';

/**
 * The identifiers a user can log in with (email, username, phone number), as brute-force counts them.
 *
 * @example userIdentifiers(user); // ['alice@example.com', 'alice']
 */
export function userIdentifiers(user: UserRecord): string[] {
  return [user.email, user.username, user.phone_number].filter((id): id is string => id !== undefined && id !== '');
}
