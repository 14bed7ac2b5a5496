import { err, oauthError, type DirectoryIdentity, type OAuthError, type Result } from '@oauth-ro/core/ports';
import { bindUser } from '../bind/bind-user.js';
import type { ConnectionState } from '../directory/connection-state.js';
import { unknownUser } from '../errors/unknown-user.js';
import { findUser } from './find-user.js';
import { loginName } from './login-name.js';
import { toIdentity } from './to-identity.js';

/** A name no entry has: an unknown user costs the same bind round trip as a wrong password. */
const DECOY_RDN = 'CN=oauth-ro-no-such-user-4f1d2b';

/**
 * Search mode: the service account finds the user's entry, then the password is checked with a
 * bind as that entry's DN on a separate connection. An unknown name costs a bind too (a DN no entry
 * has) and then waits as long as refusing a real user's wrong password usually takes, so that the
 * two answers cannot be told apart by timing (docs/spec.md §3). Only the audit log tells them apart: a name
 * with no entry (or one no entry can have, or several entries share) is `unknownUser` (`fu`).
 *
 * @example
 * const identity = await searchThenBind(state, 'CORP\\jdoe', 'Passw0rd!');
 */
export async function searchThenBind(state: ConnectionState, username: string, password: string): Promise<Result<DirectoryIdentity, OAuthError>> {
  const name = loginName(username, state.options.domain);
  if (name === undefined) return err(unknownUser());
  if (password.length === 0) return err(oauthError('invalid_user_password'));
  const found = await findUser(state, name);
  if (!found.ok) return found;
  const entry = found.value;
  const started = performance.now();
  if (!entry) {
    const decoy = await bindUser(state, `${DECOY_RDN},${state.options.base}`, password);
    if (!decoy.ok && decoy.error.code === 'temporarily_unavailable') return decoy;
    await waitUntil(started + Math.min(state.failedBind.estimate() ?? 0, state.options.timeoutMs));
    return err(unknownUser());
  }
  const bound = await bindUser(state, entry.dn, password);
  if (!bound.ok) {
    if (bound.error.code === 'invalid_user_password') state.failedBind.record(performance.now() - started);
    return bound;
  }
  return toIdentity(state, entry);
}

function waitUntil(at: number): Promise<void> {
  const ms = at - performance.now();
  return ms <= 1 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
