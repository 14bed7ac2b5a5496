import type { ConnectionConfig } from '../config/types.js';

/** How a connection counts consecutive failed logins. */
export interface BruteForceSettings {
  readonly enabled: boolean;
  /** Failures of one identifier from one IP before further attempts get 429. */
  readonly limit: number;
  /** How long a count (and so a block) lives after the first failure. */
  readonly window_ms: number;
}

const DEFAULT_LIMIT = 10;
const DEFAULT_WINDOW_S = 24 * 60 * 60;

function intIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/**
 * Reads Auth0's `brute_force_protection` (on unless `false`) and oauth-ro's
 * `brute_force_limit` (1–100, default 10) and `brute_force_window_seconds` (default one day).
 *
 * @example bruteForceSettings(connection); // { enabled: true, limit: 10, window_ms: 86400000 }
 */
export function bruteForceSettings(connection: ConnectionConfig): BruteForceSettings {
  const o = connection.options;
  return {
    enabled: o.brute_force_protection !== false,
    limit: intIn(o.brute_force_limit, 1, 100, DEFAULT_LIMIT),
    window_ms: intIn(o.brute_force_window_seconds, 1, 365 * 24 * 3600, DEFAULT_WINDOW_S) * 1000,
  };
}
