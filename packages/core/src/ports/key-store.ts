/** A signing key as stored: JWKs serialised as JSON strings. */
export interface SigningKeyRecord {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256' | 'EdDSA';
  readonly private_jwk: string;
  readonly public_jwk: string;
  /** Epoch milliseconds. */
  readonly created_at: number;
  /** Epoch milliseconds after which the key no longer signs; it stays published until the
   * tokens it signed have expired. Undefined while the key is the active signer. */
  readonly retired_at?: number;
}

/**
 * Storage of the server's signing keys.
 *
 * @example
 * const keys = await deps.keys.ensureActive(candidate); // candidate stored only if no active key
 */
export interface KeyStore {
  list(): Promise<SigningKeyRecord[]>;
  /**
   * Atomically stores `candidate` if no unretired key of its `alg` exists, and returns every key.
   * Several instances starting at once end with exactly one active key per algorithm.
   */
  ensureActive(candidate: SigningKeyRecord): Promise<SigningKeyRecord[]>;
  /** Marks the active key of `candidate.alg` retired at `retired_at` and stores `candidate` as active. */
  rotate(candidate: SigningKeyRecord, retired_at: number): Promise<SigningKeyRecord[]>;
  /** Deletes keys retired before `before`. */
  prune(before: number): Promise<number>;
}
