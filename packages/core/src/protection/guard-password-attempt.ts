import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, type Result } from '../util/result.js';
import { bruteForceKey } from './brute-force-key.js';
import { bruteForceSettings } from './brute-force-settings.js';

/**
 * Runs a password check under brute-force protection (SPEC §3: 10 consecutive failures for one user
 * from one IP → 429). The attempt is counted BEFORE the check, atomically in the counter store, so
 * parallel tries can never let more than `limit` checks through; a success clears the count, and an
 * attempt that could not be judged (503) is given back. Unknown identifiers count like known ones. Without a counter store in `deps`, nothing is counted.
 *
 * @example
 * await guardPasswordAttempt(deps, connection, 'a@example.com', ip, () => loginDatabaseUser(...));
 */
export async function guardPasswordAttempt(
  deps: Pick<CoreDeps, 'counters' | 'clock' | 'logger'>,
  connection: ConnectionConfig,
  identifier: string,
  ip: string,
  attempt: () => Promise<Result<UserRecord, OAuthError>>,
): Promise<Result<UserRecord, OAuthError>> {
  const settings = bruteForceSettings(connection);
  if (!settings.enabled || !deps.counters) return attempt();
  const key = bruteForceKey(connection.name, identifier, ip);
  const now = deps.clock.now();
  const counted = await deps.counters.increment(key, settings.window_ms, now);
  if (counted.count > settings.limit) {
    deps.logger?.warn({ event: 'limit_wc', connection: connection.name, ip }, 'login blocked after consecutive failures');
    return err(oauthError('too_many_attempts', undefined, Math.max(1, Math.ceil((counted.resets_at - now) / 1000))));
  }
  let result: Result<UserRecord, OAuthError>;
  try {
    result = await attempt();
  } catch (error) {
    // Nothing was judged (a store or the hashing queue was unavailable): give the attempt back, so
    // that clients retrying through an outage do not lock their users out.
    await deps.counters.release(key).catch(() => {});
    throw error;
  }
  if (result.ok) await deps.counters.reset(key);
  else if (result.error.code === 'temporarily_unavailable' || rightPasswordOfBlockedUser(connection, result.error)) {
    await deps.counters.release(key);
  }
  return result;
}

/**
 * A database user blocked by an administrator is told so only after the right password
 * (login-database-user.ts): that is no guess, so it must not count toward a brute-force block that
 * would outlive the administrator's unblock.
 */
function rightPasswordOfBlockedUser(connection: ConnectionConfig, error: OAuthError): boolean {
  return connection.strategy === 'auth0' && error.code === 'unauthorized';
}
