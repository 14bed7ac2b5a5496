import type { RefreshTokenPolicy } from '../config/types.js';

/**
 * The idle deadline a refresh token issued or accepted at `now` gets under `policy`: `now` plus
 * `idle_token_lifetime` seconds, or nothing when the idle lifetime is infinite (the default when
 * the policy does not say). Spread into a record: `{ ...idleDeadline(policy, now) }`.
 *
 * @example
 * idleDeadline({ rotation_type: 'rotating', expiration_type: 'expiring', leeway: 10, token_lifetime: 3600,
 *   idle_token_lifetime: 600, infinite_idle_token_lifetime: false }, 0); // { idle_expires_at: 600000 }
 */
export function idleDeadline(policy: RefreshTokenPolicy, now: number): { idle_expires_at?: number } {
  if (policy.infinite_idle_token_lifetime !== false || policy.idle_token_lifetime === undefined) return {};
  return { idle_expires_at: now + policy.idle_token_lifetime * 1000 };
}
