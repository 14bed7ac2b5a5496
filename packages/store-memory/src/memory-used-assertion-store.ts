import type { UsedAssertionStore } from '@oauth-ro/core';

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
      for (const [k, exp] of this.#expiries) if (exp <= at) this.#expiries.delete(k);
      this.#sweepAt = Math.max(1024, this.#expiries.size * 2);
    }
    return true;
  }

  async prune(before: number): Promise<number> {
    let pruned = 0;
    for (const [key, exp] of this.#expiries) {
      if (exp < before) {
        this.#expiries.delete(key);
        pruned += 1;
      }
    }
    return pruned;
  }
}
