import { oauthError, type OAuthError } from '@oauth-ro/core/ports';

/**
 * A wrong password as far as the client can tell (401 `invalid_user_password`, same timing), marked
 * for the audit log as a login name the directory has no entry for (`fu` rather than `fp`).
 *
 * @example
 * if (!entry) return err(unknownUser());
 */
export function unknownUser(): OAuthError {
  return { ...oauthError('invalid_user_password'), unknownUser: true };
}
