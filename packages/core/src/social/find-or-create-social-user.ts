import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import type { SocialIdentity } from './social-identity.js';

/**
 * The user of a social identity, `{strategy}|{id}` as Auth0 names them: found, or created on the
 * first login (a concurrent first login of the same identity finds the one that won). A blocked
 * user is refused with 401 `unauthorized`.
 *
 * @example const user = await findOrCreateSocialUser(deps, connection, { id: '10153', profile: {} });
 */
export async function findOrCreateSocialUser(
  deps: Pick<CoreDeps, 'users' | 'clock'>,
  connection: ConnectionConfig,
  identity: SocialIdentity,
): Promise<Result<UserRecord, OAuthError>> {
  const user_id = `${connection.strategy}|${identity.id}`;
  const existing = await deps.users.findById(user_id);
  const checked = (user: UserRecord) => (user.blocked ? err(oauthError('unauthorized', 'user is blocked')) : ok(user));
  if (existing) return checked(existing);
  const now = new Date(deps.clock.now()).toISOString();
  const user: UserRecord = {
    user_id,
    connection: connection.name,
    strategy: connection.strategy,
    ...(identity.email ? { email: identity.email } : {}),
    blocked: false,
    profile: identity.profile,
    created_at: now,
    updated_at: now,
  };
  const created = await deps.users.create(user);
  if (created.created) return ok(user);
  const winner = await deps.users.findById(user_id);
  if (winner) return checked(winner);
  // Another account of this connection holds the address (a provider let two accounts share it):
  // the login key stays with that one, this user keeps the address in its profile only.
  const { email: _held, ...rest } = user;
  const withoutKey: UserRecord = { ...rest, profile: { ...user.profile, ...(identity.email ? { email: identity.email } : {}) } };
  const second = await deps.users.create(withoutKey);
  if (second.created) return ok(withoutKey);
  const again = await deps.users.findById(user_id);
  return again ? checked(again) : err(oauthError('server_error'));
}
