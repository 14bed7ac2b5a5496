/**
 * Time source, so tests can move time.
 *
 * @example
 * const clock: Clock = { now: () => Date.now() };
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** @example systemClock.now(); */
export const systemClock: Clock = { now: () => Date.now() };
