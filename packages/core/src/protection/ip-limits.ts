import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import { ipGroup } from './ip-group.js';

/** Per-IP limits across users (Auth0's "suspicious IP throttling" and sign-up throttling). */
export interface IpLimits {
  /** Failed logins from one IP, over all users and connections, per window before 429. Default 100. */
  readonly failedLoginsPerIp: number;
  /** Sign-ups from one IP per window. Default 50. */
  readonly signupsPerIp: number;
  /** Window in milliseconds; the count starts again when it ends. Default one hour. */
  readonly window_ms: number;
}

export const DEFAULT_IP_LIMITS: IpLimits = { failedLoginsPerIp: 100, signupsPerIp: 50, window_ms: 60 * 60 * 1000 };

const retryAfter = (resets_at: number, now: number) => Math.max(1, Math.ceil((resets_at - now) / 1000));

/**
 * The counter key of failed logins from an IP's network (see {@link ipGroup}), over all users and
 * connections; `guardPasswordAttempt` takes a slot of it before each password check.
 *
 * @example suspiciousIpKey('::ffff:203.0.113.9'); // 'sip:203.0.113.9'
 */
export function suspiciousIpKey(ip: string): string {
  return `sip:${ipGroup(ip)}`;
}

/**
 * Counts a sign-up attempt from an IP, atomically; beyond the limit, 429 with `Retry-After`.
 *
 * @example const refused = await takeSignupSlot(deps, limits, ip);
 */
export async function takeSignupSlot(
  deps: Pick<CoreDeps, 'counters' | 'clock'>,
  limits: IpLimits,
  ip: string,
): Promise<OAuthError | undefined> {
  if (!deps.counters || ip === '') return undefined;
  const now = deps.clock.now();
  const counted = await deps.counters.increment(`signup:ip:${ipGroup(ip)}`, limits.window_ms, now);
  return counted.count > limits.signupsPerIp
    ? oauthError('too_many_requests', 'Too many sign-ups from this IP address; try again later.', retryAfter(counted.resets_at, now))
    : undefined;
}
