import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { PasswordlessLimits } from './prepare-passwordless.js';

const HOUR_MS = 3_600_000;

/**
 * Counts one `/passwordless/start` against the client IP and then against the recipient, and says
 * whether it is over a limit: a 429 `too_many_requests` with `Retry-After` set to the end of the
 * window. The IP is counted first, so a flood from one address never reaches the per-recipient
 * counter of the numbers it targets. Without a counter store nothing is throttled.
 *
 * @example const refused = await throttleStart(deps, limits, '203.0.113.9', 'sms', '+15550100000');
 */
export async function throttleStart(
  deps: Pick<CoreDeps, 'counters' | 'clock'>,
  limits: PasswordlessLimits,
  ip: string,
  connection: string,
  recipient: string,
): Promise<OAuthError | undefined> {
  if (!deps.counters) return undefined;
  const now = deps.clock.now();
  const byIp = await deps.counters.increment(`pwl:ip:${ip}`, HOUR_MS, now);
  if (byIp.count > limits.startsPerIpPerHour) {
    return oauthError('too_many_requests', 'Too many passwordless starts from this address. Try again later.', (byIp.resets_at - now) / 1000);
  }
  const byRecipient = await deps.counters.increment(`pwl:to:${connection}:${recipient}`, HOUR_MS, now);
  if (byRecipient.count > limits.sendsPerRecipientPerHour) {
    return oauthError('too_many_requests', 'Too many codes sent to this recipient. Try again later.', (byRecipient.resets_at - now) / 1000);
  }
  return undefined;
}
