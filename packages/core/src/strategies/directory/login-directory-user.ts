import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { err, ok, type Result } from '../../util/result.js';
import { normalizeIdentifier } from '../../validation/normalize-identifier.js';

/**
 * The subject of a directory user: `ad|{connection}|{id}` for AD/LDAP (docs/spec.md §3), `{strategy}|{id}`
 * for the others.
 *
 * @example directorySubject(connection, 'b1f…'); // 'ad|corp|b1f…'
 */
export function directorySubject(connection: ConnectionConfig, id: string): string {
  return connection.strategy === 'ad' ? `ad|${connection.name}|${id}` : `${connection.strategy}|${id}`;
}

/**
 * Checks a password against the connection's directory (`ad`, `waad`, `adfs`), then records the
 * profile it returned so that `/tokeninfo` and `/userinfo` can answer for the user later.
 *
 * @example
 * await loginDirectoryUser(deps, connection, 'jdoe', 'pw', '127.0.0.1');
 */
export async function loginDirectoryUser(
  deps: Pick<CoreDeps, 'users' | 'clock' | 'directories'>,
  connection: ConnectionConfig,
  username: string,
  password: string,
  ip: string,
): Promise<Result<UserRecord, OAuthError>> {
  const directory = deps.directories?.[connection.strategy];
  if (!directory) {
    return err(oauthError('temporarily_unavailable', `the ${connection.strategy} strategy of connection ${connection.name} is not installed`));
  }
  const result = await directory.authenticate({ connection, username, password, ip });
  if (!result.ok) return result;
  const identity = result.value;
  const user_id = directorySubject(connection, identity.id);
  const now = new Date(deps.clock.now()).toISOString();
  const existing = await deps.users.findById(user_id);
  if (existing?.blocked) return err(oauthError('unauthorized', 'user is blocked'));
  const stored = await deps.users.upsert({
    user_id,
    connection: connection.name,
    strategy: connection.strategy,
    ...(identity.email === undefined ? {} : { email: normalizeIdentifier(identity.email) }),
    ...(identity.username === undefined ? {} : { username: normalizeIdentifier(identity.username) }),
    blocked: false,
    profile: identity.profile,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  });
  return ok(stored);
}
