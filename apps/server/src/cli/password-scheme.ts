/**
 * Which kind of password hash a user has, for listings: `argon2id`, `bcrypt` (imported, not yet
 * moved to argon2id by a login), `other`, or `none`. The hash itself is never shown.
 *
 * @example passwordScheme('$2b$10$…'); // 'bcrypt'
 */
export function passwordScheme(hash: string | undefined): 'argon2id' | 'bcrypt' | 'other' | 'none' {
  if (hash === undefined) return 'none';
  if (hash.startsWith('$argon2id$')) return 'argon2id';
  if (/^\$2[aby]\$/.test(hash)) return 'bcrypt';
  return 'other';
}
