/** A running estimate of how long one kind of directory answer takes. */
export interface LatencyTracker {
  record(ms: number): void;
  /** The current estimate, or undefined before the first sample. */
  estimate(): number | undefined;
}

/**
 * An exponentially weighted moving average of latencies. Active Directory takes longer to refuse
 * a wrong password for a real account (it writes `badPwdCount`) than to refuse a name that does
 * not exist; the unknown-user path waits until this estimate so both answers take as long.
 *
 * @example
 * const failedBinds = createLatencyTracker();
 * failedBinds.record(42);
 */
export function createLatencyTracker(weight = 0.2): LatencyTracker {
  let average: number | undefined;
  return {
    record(ms) {
      average = average === undefined ? ms : average + weight * (ms - average);
    },
    estimate() {
      return average;
    },
  };
}
