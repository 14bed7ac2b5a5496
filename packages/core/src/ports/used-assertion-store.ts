/**
 * Remembers which signed assertions (Touch ID `id_token`s) were already accepted, until they expire,
 * so a captured assertion cannot be replayed. Shared between instances when it lives in a shared store.
 *
 * @example
 * if (!(await deps.usedAssertions.markUsed(key, exp * 1000, Date.now()))) return replayed;
 */
export interface UsedAssertionStore {
  /**
   * Atomically records `key` until `expires_at` (epoch ms). False, and nothing changes, when `key`
   * is already recorded and its `expires_at` is after `at`.
   */
  markUsed(key: string, expires_at: number, at: number): Promise<boolean>;
  /**
   * Deletes markers that expired before `before` (`expires_at < before`); returns how many.
   * Stores whose entries expire by themselves (Redis) leave it out.
   */
  prune?(before: number): Promise<number>;
}
