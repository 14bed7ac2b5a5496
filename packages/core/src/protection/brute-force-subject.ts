import type { UserRecord } from '../ports/user-store.js';
import { normalizeIdentifier } from '../validation/normalize-identifier.js';

/**
 * Who a brute-force count is kept for: a known user under its first login identifier (email, else
 * username, else phone number), whichever identifier was typed, so that a user with an email and a
 * username has one count, not two; an unknown identifier under itself, normalised.
 *
 * @example bruteForceSubject({ email: 'ann@x.io', username: 'ann', … }, 'ANN'); // 'ann@x.io'
 */
export function bruteForceSubject(user: Pick<UserRecord, 'email' | 'username' | 'phone_number'> | null | undefined, typed: string): string {
  return normalizeIdentifier(user?.email || user?.username || user?.phone_number || typed);
}
