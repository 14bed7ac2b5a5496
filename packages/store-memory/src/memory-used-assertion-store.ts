import type { UsedAssertionStore } from '@oauth-ro/core/ports';
import { deleteWhere } from './delete-where.js';

/**
 * Used assertion keys in a Map with their expiry; expired entries are swept as the map grows, so it
 * holds at most what could still be replayed.
 *
 * @example const usedAssertions = new MemoryUsedAssertionStore();
 */
export class MemoryUsedAssertionStore implements UsedAssertionStore {
  readonly #expiries = new Map<string, number>();
  #sweepAt = 1024;

  async markUsed(key: string, expires_at: number, at: number): Promise<boolean> {
    const seen = this.#expiries.get(key);
    if (seen !== undefined && seen > at) return false;
    this.#expiries.set(key, expires_at);
    if (this.#expiries.size >= this.#sweepAt) {
      deleteWhere(this.#expiries, (exp) => exp <= at);
      this.#sweepAt = Math.max(1024, this.#expiries.size * 2);
    }
    return true;
  }

  async prune(before: number): Promise<number> {
    return deleteWhere(this.#expiries, (exp) => exp < before);
  }
}
