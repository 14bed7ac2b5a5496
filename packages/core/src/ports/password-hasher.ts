/**
 * Password hashing. The Node implementation is `@oauth-ro/argon2` (argon2id); core never imports it.
 *
 * @example
 * const hash = await deps.hasher.hash('correct horse');
 * await deps.hasher.verify(hash, 'correct horse'); // true
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False (never a throw) for a wrong password or a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when `hash` was made with weaker parameters (or another algorithm) than configured. */
  needsRehash(hash: string): boolean;
  /**
   * Spends the same work as `verify` on a real hash, for unknown users, so that an unknown user and
   * a wrong password cannot be told apart by timing.
   */
  verifyDummy(password: string): Promise<void>;
}
