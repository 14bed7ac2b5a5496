/**
 * Earlier password hashes of database users, for Auth0's `password_history` option: only PHC
 * hashes are kept, never a password, newest first, at most the number a connection asks for.
 *
 * @example
 * await deps.passwordHistory.add('auth0|5f8a…', '$argon2id$…', Date.now(), 5);
 * const hashes = await deps.passwordHistory.recent('auth0|5f8a…', 5);
 */
export interface PasswordHistoryStore {
  /** The user's newest `limit` hashes, newest first. */
  recent(user_id: string, limit: number): Promise<string[]>;
  /** Records a hash set at `at` (epoch ms) and keeps only the user's newest `keep` (at least 1). */
  add(user_id: string, password_hash: string, at: number, keep: number): Promise<void>;
  /** Forgets the user's history (the user was deleted). */
  forget(user_id: string): Promise<void>;
}
