import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { CounterStore, SlotOutcome } from '../ports/counter-store.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, type Result } from '../util/result.js';
import { bruteForceKey } from './brute-force-key.js';
import { bruteForceSettings } from './brute-force-settings.js';
import { DEFAULT_IP_LIMITS, suspiciousIpKey, type IpLimits } from './ip-limits.js';
import { waitForSlot } from './wait-for-slot.js';

const retryAfter = (resets_at: number, now: number) => Math.max(1, Math.ceil((resets_at - now) / 1000));

/**
 * 503 for an attempt that found no free slot in time, or found them taken while password hashing is in
 * overload: a retry is welcome, the account is not blocked.
 */
const BUSY = oauthError('temporarily_unavailable', 'Too many logins in progress for this account or address; try again.', 1);

interface Held {
  readonly key: string;
  readonly slot: string;
  readonly window_ms: number;
}

/**
 * Runs a password check under the per-user and per-IP limits (docs/spec.md §3: `brute_force_limit`
 * consecutive failures of one user from one IP → 429 `too_many_attempts`; `failedLoginsPerIp`
 * failures from one IP across users → 429 `too_many_requests`). Before the check, the attempt takes
 * a slot of each counter atomically in the counter store (`CounterStore.acquire`): a slot is free
 * only while failures plus attempts in flight stay under the limit, so parallel tries, on one
 * instance or many, can never have more than the limit of wrong guesses judged; an attempt that
 * finds the slots taken by attempts still in flight waits for one (bounded, then 503), and is never
 * refused 429 unless failures reached the limit. While the hasher is in overload
 * (`PasswordHasher.overloaded`) it does not wait but is answered 503 at once: the attempts holding
 * the slots are queued for hashing, and a login that waited for them would reach the queue late,
 * behind the fresh logins the queue serves first. A success clears the user's count; an attempt
 * that could not be judged (503, a throw) or the right password of a blocked user counts nothing.
 *
 * `subject` is who the user count is kept for: the user (whatever identifier was typed) when known,
 * the typed identifier otherwise. IPs count per network (see `ipGroup`). Without a counter store in
 * `deps`, nothing is counted.
 *
 * @example
 * await guardPasswordAttempt(deps, connection, 'a@example.com', ip, () => loginDatabaseUser(...), ipLimits);
 */
export async function guardPasswordAttempt(
  deps: Pick<CoreDeps, 'counters' | 'clock' | 'logger' | 'random'> & Partial<Pick<CoreDeps, 'hasher'>>,
  connection: ConnectionConfig,
  subject: string,
  ip: string,
  attempt: () => Promise<Result<UserRecord, OAuthError>>,
  ipLimits: IpLimits = DEFAULT_IP_LIMITS,
): Promise<Result<UserRecord, OAuthError>> {
  const counters = deps.counters;
  if (!counters) return attempt();
  const slotDeps = { counters, clock: deps.clock, random: deps.random };
  const settings = bruteForceSettings(connection);
  const hashingOverloaded = () => deps.hasher?.overloaded?.() === true;

  let ipSlot: Held | undefined;
  if (ip !== '') {
    const key = suspiciousIpKey(ip);
    const wait = await waitForSlot(slotDeps, key, ipLimits.failedLoginsPerIp, { giveUp: hashingOverloaded });
    if (!wait.ok) {
      if (wait.reason === 'busy') return err(BUSY);
      deps.logger?.warn({ event: 'limit_mu', ip }, 'login refused: too many failed logins from this address');
      return err(oauthError('too_many_requests', 'Too many failed logins from this IP address; try again later.', retryAfter(wait.resets_at, deps.clock.now())));
    }
    ipSlot = { key, slot: wait.slot, window_ms: ipLimits.window_ms };
  }
  let userSlot: Held | undefined;
  if (settings.enabled) {
    const key = bruteForceKey(connection.name, subject, ip);
    const wait = await waitForSlot(slotDeps, key, settings.limit, { giveUp: hashingOverloaded });
    if (!wait.ok) {
      await settle(counters, ipSlot, 'void', deps.clock.now());
      if (wait.reason === 'busy') return err(BUSY);
      deps.logger?.warn({ event: 'limit_wc', connection: connection.name, ip }, 'login blocked after consecutive failures');
      return err(oauthError('too_many_attempts', undefined, retryAfter(wait.resets_at, deps.clock.now())));
    }
    userSlot = { key, slot: wait.slot, window_ms: settings.window_ms };
  }

  let result: Result<UserRecord, OAuthError>;
  try {
    result = await attempt();
  } catch (error) {
    // Nothing was judged (a store or the hashing queue was unavailable): count nothing, so that
    // clients retrying through an outage do not lock their users out.
    const now = deps.clock.now();
    await Promise.all([settle(counters, userSlot, 'void', now), settle(counters, ipSlot, 'void', now)]).catch(() => {});
    throw error;
  }
  const now = deps.clock.now();
  const [forUser, forIp] = outcomes(connection, result);
  await Promise.all([settle(counters, userSlot, forUser, now), settle(counters, ipSlot, forIp, now)]);
  return result;
}

function settle(counters: CounterStore, held: Held | undefined, outcome: SlotOutcome, at: number): Promise<void> {
  return held ? counters.settle(held.key, held.slot, outcome, held.window_ms, at) : Promise.resolve();
}

/** What an attempt's result does to the user's count and to the IP's. */
function outcomes(connection: ConnectionConfig, result: Result<UserRecord, OAuthError>): [SlotOutcome, SlotOutcome] {
  if (result.ok) return ['success', 'void'];
  if (result.error.code === 'invalid_user_password') return ['failure', 'failure'];
  if (result.error.code === 'temporarily_unavailable' || rightPasswordOfBlockedUser(connection, result.error)) return ['void', 'void'];
  return ['failure', 'void'];
}

/**
 * A database user blocked by an administrator is told so only after the right password
 * (login-database-user.ts): that is no guess, so it must not count toward a brute-force block that
 * would outlive the administrator's unblock.
 */
function rightPasswordOfBlockedUser(connection: ConnectionConfig, error: OAuthError): boolean {
  return connection.strategy === 'auth0' && error.code === 'unauthorized';
}
