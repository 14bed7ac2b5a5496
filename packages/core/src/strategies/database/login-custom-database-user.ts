import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { CustomDatabase } from '../../ports/custom-database.js';
import { customDatabaseRecord } from './custom-database-record.js';
import type { UserRecord } from '../../ports/user-store.js';
import { err, ok, type Result } from '../../util/result.js';
import { looksLikeEmail, normalizeIdentifier } from '../../validation/normalize-identifier.js';

/**
 * A login on a custom-database connection (Auth0's `enabledDatabaseCustomization`). With
 * `options.import_mode` (lazy migration), a user already stored locally logs in locally and the
 * script is never asked again; a user not yet stored is checked by the `login` script and then stored
 * with a hash of the password just checked. Without `import_mode` the script decides every login and
 * the profile it returns is kept as a cache. An upstream failure answers 503 only for users who are
 * not local yet. Timing is not equalised here: the upstream system's latency is outside our control
 * (docs/security.md).
 *
 * @example
 * const user = await loginCustomDatabaseUser(deps, custom, connection, 'old@example.com', 'pw', local);
 */
export async function loginCustomDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'logger'>,
  custom: CustomDatabase,
  connection: ConnectionConfig,
  username: string,
  password: string,
  loginLocally: () => Promise<Result<UserRecord, OAuthError>>,
): Promise<Result<UserRecord, OAuthError>> {
  const importMode = connection.options.import_mode === true;
  const id = normalizeIdentifier(username);
  if (importMode) {
    const local = await deps.users.find(connection.name, looksLikeEmail(id) ? { email: id } : { username: id });
    if (local?.password_hash) return loginLocally();
  }
  const checked = await custom.login(id, password);
  if (!checked.ok) return checked;
  const now = new Date(deps.clock.now()).toISOString();
  const hash = importMode ? await deps.hasher.hash(password) : undefined;
  const record = customDatabaseRecord(connection, checked.value, id, now, hash);
  if (!record.ok) return record;
  if (!importMode) return ok(await deps.users.upsert(record.value));
  const created = await deps.users.create(record.value);
  if (!created.created) {
    // Another login of the same user won the race, or a local user without a password exists
    // (created by an administrator): give it the password just checked upstream.
    const existing = await deps.users.findById(record.value.user_id);
    const stored = existing && (await deps.users.update(existing.user_id, { password_hash: hash! }, now));
    if (!stored) return err(oauthError('invalid_user_password'));
    deps.logger?.info({ connection: connection.name }, 'custom database user imported (existing record)');
    return ok(stored);
  }
  deps.logger?.info({ connection: connection.name }, 'custom database user imported');
  return ok(record.value);
}
