/** A counter's state after an increment. */
export interface CounterValue {
  /** Increments in the current window, this one included. */
  readonly count: number;
  /** Epoch milliseconds at which the window ends and the count starts again from zero. */
  readonly resets_at: number;
}

/** One live counter, as {@link CounterStore.list} returns it. */
export interface CounterEntry {
  readonly key: string;
  readonly count: number;
  /** Epoch milliseconds at which the window ends. */
  readonly resets_at: number;
}

/**
 * The answer of {@link CounterStore.acquire}: a slot to judge one attempt in, or why not. `blocked`:
 * the failures counted reached the limit (refuse until `resets_at`); `busy`: failures plus attempts
 * in flight reached it, so judging one more could exceed the limit (wait for a slot and ask again).
 */
export type SlotGrant =
  | { readonly granted: true }
  | { readonly granted: false; readonly reason: 'blocked'; readonly resets_at: number }
  | { readonly granted: false; readonly reason: 'busy' };

/**
 * How an attempt judged in a slot ended (see {@link CounterStore.settle}): `failure` counts one
 * (starting a window if none is live), `success` forgets the count, `void` counts nothing.
 */
export type SlotOutcome = 'failure' | 'success' | 'void';

/** Most entries one {@link CounterStore.list} call returns; stores stop there. */
export const COUNTER_LIST_LIMIT = 1000;

/**
 * Fixed-window counters with expiry, for throttling (passwordless sends per recipient and per IP)
 * and failure counting. Keys are opaque to the store; callers prefix them by purpose
 * (`pwl:ip:…`). Every operation is atomic, also across instances sharing the store.
 *
 * @example
 * const { count, resets_at } = await deps.counters.increment('pwl:ip:203.0.113.9', 3_600_000, Date.now());
 * if (count > 50) refuse(Math.ceil((resets_at - Date.now()) / 1000));
 */
export interface CounterStore {
  /**
   * Adds one to `key` at time `at`. A missing key, or one whose window ended (`resets_at <= at`),
   * starts a new window of `window_ms` with count 1; otherwise the count grows and the window is kept.
   */
  increment(key: string, window_ms: number, at: number): Promise<CounterValue>;
  /** The current count of `key` at `at` (0 with no live window). */
  get(key: string, at: number): Promise<number>;
  /** Forgets `key` (e.g. after a successful login); true when it existed. */
  reset(key: string): Promise<boolean>;
  /**
   * Undoes one increment of `key` (never below zero), atomically: for an attempt that was counted
   * up front but could not be judged (the database or directory was away).
   */
  release(key: string): Promise<void>;
  /**
   * Takes slot `slot` (a random id chosen by the caller) of `key` to judge one attempt in, atomically
   * (also across instances): granted only while the live count plus the live slots stays below
   * `limit`, so at most `limit` failures can ever be judged, however many attempts race. A slot
   * lives `lease_ms` from `at` unless settled first, so an instance that dies mid-attempt frees it.
   * Granting nothing changes nothing.
   */
  acquire(key: string, slot: string, limit: number, lease_ms: number, at: number): Promise<SlotGrant>;
  /**
   * Gives slot `slot` of `key` back and applies the outcome atomically: `failure` increments as
   * {@link CounterStore.increment} does (window `window_ms`), `success` resets the count, `void`
   * only frees the slot. Settling a slot that expired still applies the outcome.
   */
  settle(key: string, slot: string, outcome: SlotOutcome, window_ms: number, at: number): Promise<void>;
  /**
   * The live counters (`resets_at > at`) whose key starts with `prefix` (compared as plain text,
   * no pattern characters), at most {@link COUNTER_LIST_LIMIT}, in no particular order: for
   * administration (listing brute-force blocks), never on the request path of a login.
   */
  list(prefix: string, at: number): Promise<CounterEntry[]>;
  /**
   * Deletes counters whose window ended before `before` (`resets_at < before`), and slots whose
   * lease ended before it; returns how many counters.
   * Stores whose entries expire by themselves (Redis) leave it out.
   */
  prune?(before: number): Promise<number>;
}
