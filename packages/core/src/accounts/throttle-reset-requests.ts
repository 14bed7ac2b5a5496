import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';

/** Reset requests allowed per hour: per address (known or not, so the limit tells nothing) and per IP. */
export const RESET_LIMITS = { perEmail: 5, perIp: 30, window_ms: 3_600_000 } as const;

/**
 * Counts one `change_password` request against the address and the IP; answers Auth0's
 * `too_many_requests` (429, `Retry-After`) past either limit, so nobody can flood a mailbox or
 * probe many addresses quickly. Without a counter store nothing is throttled.
 *
 * @example const throttled = await throttleResetRequests(deps, 'Username-Password-Authentication', 'a@example.com', ip);
 */
export async function throttleResetRequests(
  deps: Pick<CoreDeps, 'counters' | 'clock'>,
  connection: string,
  email: string,
  ip: string,
): Promise<OAuthError | undefined> {
  if (!deps.counters) return undefined;
  const now = deps.clock.now();
  const byEmail = await deps.counters.increment(`reset:email:${connection}:${email}`, RESET_LIMITS.window_ms, now);
  const byIp = ip === '' ? undefined : await deps.counters.increment(`reset:ip:${ip}`, RESET_LIMITS.window_ms, now);
  const over = byEmail.count > RESET_LIMITS.perEmail ? byEmail : byIp && byIp.count > RESET_LIMITS.perIp ? byIp : undefined;
  if (!over) return undefined;
  return oauthError('too_many_requests', 'You have reached the limit on password change attempts. Please wait before trying again.', Math.max(1, Math.ceil((over.resets_at - now) / 1000)));
}
