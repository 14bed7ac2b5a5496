import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import { err, ok, type Result } from '../../util/result.js';
import { isCommonPassword } from './is-common-password.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';
import { passwordStrength } from './password-rules.js';
import { describePasswordStrength } from './describe-password-strength.js';
import { readPasswordOptions } from './read-password-options.js';

/** Who the password is for: what `password_no_personal_info` and `password_history` compare with. */
export interface PasswordOwner {
  readonly user_id?: string;
  readonly email?: string;
  readonly username?: string;
  readonly name?: string;
  readonly nickname?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  /** The current hash, compared by `password_history` even without a history store. */
  readonly password_hash?: string;
}

/** Values a password may not contain under `password_no_personal_info` (Auth0's list); short ones would refuse too much. */
function personalValues(owner: PasswordOwner): string[] {
  const meta = owner.user_metadata ?? {};
  const candidates = [owner.name, owner.nickname, owner.username, owner.email?.split('@')[0], meta.name, meta.first, meta.last];
  return candidates.filter((v): v is string => typeof v === 'string' && v.length >= 3).map((v) => v.toLowerCase());
}

/**
 * Checks a new password against a database connection's settings, in Auth0's order: strength
 * (`passwordPolicy`, `password_complexity_options`), `password_dictionary`,
 * `password_no_personal_info`, `password_history`. Errors carry Auth0's codes
 * (`invalid_password` with the rules, `password_dictionary_error`, `password_no_user_info_error`,
 * `password_history_error`).
 *
 * @example
 * const checked = await checkNewPassword(deps, connection, 'Tr0ub4dor&3', { email: 'a@example.com' });
 * if (!checked.ok) return auth0ErrorResponse(checked.error);
 */
export async function checkNewPassword(
  deps: Pick<CoreDeps, 'hasher' | 'passwordHistory'>,
  connection: ConnectionConfig,
  password: string,
  owner: PasswordOwner,
): Promise<Result<void, OAuthError>> {
  if (password.length > MAX_PASSWORD_LENGTH) return err(oauthError('invalid_parameter', `password is too long: at most ${MAX_PASSWORD_LENGTH} characters`));
  const options = readPasswordOptions(connection.options);
  const strength = passwordStrength(options.policy, options.minLength, password);
  if (!strength.verified) return err({ ...oauthError('invalid_password', describePasswordStrength(strength)), strength });
  const lower = password.toLowerCase();
  if (options.dictionary && (isCommonPassword(lower) || options.dictionary.has(lower))) return err(oauthError('password_dictionary_error'));
  if (options.noPersonalInfo && personalValues(owner).some((v) => lower.includes(v))) return err(oauthError('password_no_user_info_error'));
  if (options.historySize !== undefined && owner.user_id !== undefined) {
    const stored = deps.passwordHistory ? await deps.passwordHistory.recent(owner.user_id, options.historySize) : [];
    const hashes = [...new Set([...(owner.password_hash ? [owner.password_hash] : []), ...stored])].slice(0, options.historySize);
    for (const hash of hashes) {
      if (await deps.hasher.verify(hash, password)) return err(oauthError('password_history_error'));
    }
  }
  return ok(undefined);
}

/**
 * Records a newly set hash in the user's history when the connection keeps one.
 *
 * @example await rememberPassword(deps, connection, user.user_id, password_hash, Date.now());
 */
export async function rememberPassword(
  deps: Pick<CoreDeps, 'passwordHistory'>,
  connection: ConnectionConfig,
  user_id: string,
  password_hash: string,
  at: number,
): Promise<void> {
  const size = readPasswordOptions(connection.options).historySize;
  if (size !== undefined && deps.passwordHistory) await deps.passwordHistory.add(user_id, password_hash, at, size);
}
