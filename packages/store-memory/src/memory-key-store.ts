import type { KeyStore, SigningKeyRecord } from '@oauth-ro/core';

/**
 * Signing keys in an array. Operations are synchronous inside, so `ensureActive` is atomic.
 *
 * @example const keys = new MemoryKeyStore();
 */
export class MemoryKeyStore implements KeyStore {
  #keys: SigningKeyRecord[] = [];

  async list(): Promise<SigningKeyRecord[]> {
    return [...this.#keys];
  }

  async ensureActive(candidate: SigningKeyRecord): Promise<SigningKeyRecord[]> {
    if (!this.#keys.some((k) => k.alg === candidate.alg && k.retired_at === undefined)) this.#keys.push(candidate);
    return [...this.#keys];
  }

  async rotate(candidate: SigningKeyRecord, retired_at: number): Promise<SigningKeyRecord[]> {
    this.#keys = this.#keys.map((k) =>
      k.alg === candidate.alg && k.retired_at === undefined ? { ...k, retired_at } : k,
    );
    this.#keys.push(candidate);
    return [...this.#keys];
  }

  async prune(before: number): Promise<number> {
    const kept = this.#keys.filter((k) => k.retired_at === undefined || k.retired_at >= before);
    const removed = this.#keys.length - kept.length;
    this.#keys = kept;
    return removed;
  }
}
