import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { HandlerContext } from '../handlers/context.js';
import type { SlotOutcome } from '../ports/counter-store.js';
import { waitForSlot } from '../protection/wait-for-slot.js';
import { err, type Result } from '../util/result.js';

/** Wrong MFA codes (one-time or recovery) of one user before further codes are refused 429. */
export const MFA_FAILURE_LIMIT = 10;
/** How long that count lives after the first failure (Auth0: 10 tries, one more every 6 minutes). */
export const MFA_FAILURE_WINDOW_MS = 60 * 60 * 1000;

/** The counter key of a user's wrong MFA codes, on every connection and client. */
export const mfaCounterKey = (user_id: string) => `mfa:${user_id}`;

/**
 * Judges one MFA code under the user's own limit (docs/spec.md §5.9): the attempt takes a slot of
 * `mfa:<user id>` in the counter store first (`CounterStore.acquire`), so parallel guesses, on one
 * instance or many, can never have more than {@link MFA_FAILURE_LIMIT} wrong codes judged per
 * window; past it, 429 `too_many_attempts` with `Retry-After`. A right code clears the count; an
 * attempt that could not be judged counts nothing. Without a counter store nothing is counted.
 *
 * @example const outcome = await guardMfaAttempt(ctx, user.user_id, () => checkCode());
 */
export async function guardMfaAttempt<T>(
  ctx: HandlerContext,
  user_id: string,
  attempt: () => Promise<Result<T, OAuthError>>,
): Promise<Result<T, OAuthError>> {
  const counters = ctx.deps.counters;
  if (!counters) return attempt();
  const key = mfaCounterKey(user_id);
  const wait = await waitForSlot({ counters, clock: ctx.deps.clock, random: ctx.deps.random }, key, MFA_FAILURE_LIMIT);
  if (!wait.ok) {
    if (wait.reason === 'busy') return err(oauthError('temporarily_unavailable', 'Too many MFA attempts in progress for this account; try again.', 1));
    const retryAfter = Math.max(1, Math.ceil((wait.resets_at - ctx.deps.clock.now()) / 1000));
    return err(oauthError('too_many_attempts', 'Too many failed MFA attempts. Try again later.', retryAfter));
  }
  let outcome: SlotOutcome = 'void';
  try {
    const result = await attempt();
    outcome = result.ok ? 'success' : result.error.code === 'temporarily_unavailable' || result.error.code === 'server_error' ? 'void' : 'failure';
    return result;
  } finally {
    await counters.settle(key, wait.slot, outcome, MFA_FAILURE_WINDOW_MS, ctx.deps.clock.now());
  }
}
