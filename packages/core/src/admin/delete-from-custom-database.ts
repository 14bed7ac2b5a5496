import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import { customDatabaseOf, keepsUsersUpstream } from '../strategies/database/custom-database-of.js';
import { ok, err, type Result } from '../util/result.js';
import type { AdminConfig } from './types.js';

/**
 * Auth0's `delete` script, run before a user of a custom-database connection without `import_mode`
 * is deleted here (its users live upstream: deleting only the local copy would let the next login
 * bring it back). The id the script gets has no `auth0|` prefix. Nothing to do for other users (with
 * `import_mode` Auth0 never ran it). `unsupported_operation` when the connection has no delete
 * script here, `temporarily_unavailable` when it failed (docs/spec.md §5.7).
 *
 * @example
 * const upstream = await deleteFromCustomDatabase(deps, config, 'auth0|42');
 * if (upstream.ok) await deleteUser(deps, config, 'auth0|42');
 */
export async function deleteFromCustomDatabase(
  deps: Pick<CoreDeps, 'users' | 'customDatabases'>,
  config: AdminConfig,
  user_id: string,
): Promise<Result<void, OAuthError>> {
  const user = await deps.users.findById(user_id);
  if (!user) return ok(undefined);
  const connection = config.connections.find((c) => c.name === user.connection);
  if (!keepsUsersUpstream(connection)) return ok(undefined);
  const custom = customDatabaseOf(deps, connection)?.custom;
  if (!custom?.delete) return err(oauthError('unsupported_operation', `the ${user.connection} connection has no delete script here`));
  return custom.delete(user_id.slice(user_id.indexOf('|') + 1));
}
