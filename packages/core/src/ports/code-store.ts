/**
 * A one-time passwordless code as the stores keep it: never the code itself, only its keyed hash
 * (HMAC-SHA-256 under a server key the store never sees), so a leaked table cannot be searched
 * through the million six-digit codes.
 */
export interface CodeRecord {
  /** Lower-case hex HMAC-SHA-256 of the code, bound to the connection and the recipient. */
  readonly code_hash: string;
  /** Epoch milliseconds; at and after it the code is dead. */
  readonly expires_at: number;
  /** Wrong tries allowed; the try that reaches it deletes the code. */
  readonly max_attempts: number;
}

/** The outcome of presenting a code with {@link CodeStore.consume}. */
export type CodeConsumption =
  /** The live code matched; it is now deleted (single use). */
  | { readonly outcome: 'accepted' }
  /** A live code exists and this was not it; the failure was counted and `attempts_left` remain (0: the code was deleted). */
  | { readonly outcome: 'rejected'; readonly attempts_left: number }
  /** No live code: never issued, replaced, spent, expired or tried too often. */
  | { readonly outcome: 'absent' };

/**
 * Storage of passwordless codes, at most one per (connection, recipient). Both operations are
 * atomic, also across instances sharing the store: fifty wrong tries racing on one code count
 * fifty failures and never let a fourth try in, and two right tries racing give one `accepted`.
 * Hashes are compared in constant time.
 *
 * @example
 * await deps.codes.issue('sms', '+15550100000', { code_hash, expires_at: now + 180_000, max_attempts: 3 });
 * const used = await deps.codes.consume('sms', '+15550100000', presented_hash, Date.now());
 * if (used.outcome === 'accepted') console.log('logged in');
 */
export interface CodeStore {
  /** Stores the code for the recipient, replacing any previous one (only the newest counts). */
  issue(connection: string, recipient: string, record: CodeRecord): Promise<void>;
  /**
   * Presents `code_hash` at time `at`. With a live code (`expires_at > at`): equal hashes delete it
   * (`accepted`); otherwise one failure is counted, the code deleted when it reaches
   * `max_attempts` (`rejected`). Without a live code: `absent` (an expired one may be deleted).
   */
  consume(connection: string, recipient: string, code_hash: string, at: number): Promise<CodeConsumption>;
  /**
   * Like {@link CodeStore.consume}, but a matching live code stays (`accepted`, not spent): the
   * check of `POST /passwordless/verify`, which Auth0's SDKs call before they redirect the browser
   * to `/passwordless/verify_redirect` with the same code, where it is consumed. A wrong hash counts
   * one failure exactly as `consume` does, so checks and consumptions share the tries.
   */
  check(connection: string, recipient: string, code_hash: string, at: number): Promise<CodeConsumption>;
  /**
   * Deletes the recipient's code only if it is still the one with `code_hash` (a code whose message
   * could not be sent is withdrawn without touching a newer one). True when something was deleted.
   */
  revoke(connection: string, recipient: string, code_hash: string): Promise<boolean>;
  /** Deletes codes that expired before `before`; returns how many. */
  prune(before: number): Promise<number>;
}
