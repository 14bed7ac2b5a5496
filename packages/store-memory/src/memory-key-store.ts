import type { KeyStore, SigningKeyRecord } from '@oauth-ro/core/ports';

/** The candidate as an active key: a copy, without any `retired_at` it may carry. */
function activeCopy({ retired_at: _retired, ...candidate }: SigningKeyRecord): SigningKeyRecord {
  return candidate;
}

/**
 * Signing keys in an array. Operations are synchronous inside, so `ensureActive` is atomic.
 *
 * @example const keys = new MemoryKeyStore();
 */
export class MemoryKeyStore implements KeyStore {
  #keys: SigningKeyRecord[] = [];

  async list(): Promise<SigningKeyRecord[]> {
    return this.#snapshot();
  }

  async ensureActive(candidate: SigningKeyRecord): Promise<SigningKeyRecord[]> {
    if (!this.#keys.some((k) => k.alg === candidate.alg && k.retired_at === undefined)) this.#keys.push(activeCopy(candidate));
    return this.#snapshot();
  }

  async rotate(candidate: SigningKeyRecord, retired_at: number): Promise<SigningKeyRecord[]> {
    this.#keys = this.#keys.map((k) =>
      k.alg === candidate.alg && k.retired_at === undefined ? { ...k, retired_at } : k,
    );
    this.#keys.push(activeCopy(candidate));
    return this.#snapshot();
  }

  async prune(before: number): Promise<number> {
    const kept = this.#keys.filter((k) => k.retired_at === undefined || k.retired_at >= before);
    const removed = this.#keys.length - kept.length;
    this.#keys = kept;
    return removed;
  }

  /** Copies, so a caller cannot change the store through a record it was given. */
  #snapshot(): SigningKeyRecord[] {
    return this.#keys.map((k) => ({ ...k }));
  }
}
