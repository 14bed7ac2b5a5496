import type { PasswordHistoryStore } from '@oauth-ro/core/ports';

/**
 * Earlier password hashes in a Map, newest first per user.
 *
 * @example const passwordHistory = new MemoryPasswordHistoryStore();
 */
export class MemoryPasswordHistoryStore implements PasswordHistoryStore {
  readonly #history = new Map<string, string[]>();

  async recent(user_id: string, limit: number): Promise<string[]> {
    return (this.#history.get(user_id) ?? []).slice(0, limit);
  }

  async add(user_id: string, password_hash: string, _at: number, keep: number): Promise<void> {
    this.#history.set(user_id, [password_hash, ...(this.#history.get(user_id) ?? [])].slice(0, Math.max(1, keep)));
  }

  async forget(user_id: string): Promise<void> {
    this.#history.delete(user_id);
  }
}
