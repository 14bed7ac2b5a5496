/**
 * The legacy (non-argon2id) password hashes a connection still holds, as {@link UserStore.legacyHashes}
 * reports them: while there are any, every password check on the connection does the work of each
 * kind, so that latency does not tell which kind a user has, or whether the user exists.
 */
export interface LegacyHashes {
  /** The highest bcrypt cost (4–31) among the connection's bcrypt hashes; absent: none. */
  readonly bcryptCost?: number;
}

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
  /**
   * Checks `password` against `hash` (undefined: an unknown user, or one without a password, always
   * false) doing the same work whatever the hash is: one check of the hasher's own kind, and, for each
   * kind in `legacy`, one check of that kind at that cost, real where the hash is of that kind and
   * against a dummy hash otherwise. Hashers without legacy formats may leave it out; core then uses
   * `verify` and `verifyDummy`.
   */
  verifyUniform?(hash: string | undefined, password: string, legacy: LegacyHashes): Promise<boolean>;
  /**
   * True while the hasher is in overload: more checks wait than it will run soon, and it refuses
   * (sheds) the oldest of them. A login that finds its brute-force slots taken by attempts in flight
   * is then answered 503 at once instead of waiting for one: those attempts are queued here, and a
   * login that waited for their slots would reach the queue already late. Hashers without a queue
   * leave it out.
   */
  overloaded?(): boolean;
}
