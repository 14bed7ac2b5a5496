import type { ConnectionConfig } from '../../config/types.js';
import type { OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { ok, type Result } from '../../util/result.js';
import { customDatabaseRecord } from './custom-database-record.js';
import type { CustomConnection } from './custom-database-of.js';

/**
 * The user a password reset of a custom-database connection is for, as Auth0 found it
 * (docs/spec.md §5.7). With `import_mode`, a user already migrated is the local one; a user not
 * migrated yet is looked up with `get_user` and stored locally without a password, so that the
 * reset link's new password migrates it (Auth0: "their user profile will be created with the new
 * password"). Without `import_mode`, `get_user` decides, and the profile it returns refreshes the
 * local cache. `undefined` when nobody has that email; upstream failures are results.
 *
 * @example const user = await findCustomDatabaseUser(deps, custom, connection, 'old@example.com', local);
 */
export async function findCustomDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'clock'>,
  { custom, importMode }: CustomConnection,
  connection: ConnectionConfig,
  email: string,
  local: UserRecord | undefined,
): Promise<Result<UserRecord | undefined, OAuthError>> {
  if (importMode && local) return ok(local);
  const found = await custom.getUser(email);
  if (!found.ok) return found;
  if (!found.value) return ok(undefined);
  const now = new Date(deps.clock.now()).toISOString();
  const record = customDatabaseRecord(connection, found.value, email, now);
  if (!record.ok) return record;
  if (!importMode) return ok(await deps.users.upsert({ ...record.value, profile: { ...local?.profile, ...record.value.profile } }));
  const created = await deps.users.create(record.value);
  // A concurrent reset or first login stored it first: that record is the user.
  return ok(created.created ? record.value : ((await deps.users.findById(record.value.user_id)) ?? undefined));
}
