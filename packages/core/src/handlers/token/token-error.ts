import { oauthError, type OAuthError } from '../../errors/oauth-error.js';

/**
 * `/oauth/token`'s wording of a failed login, as Auth0 answered it there: a wrong password or
 * unknown user is 403 `invalid_grant` `Wrong email or password.`, a wrong one-time code 403
 * `invalid_grant`; everything else (blocked user, brute-force block, throttle) reads as on
 * `/oauth/ro`. The audit event keeps the original error, so `fp`/`fu` stay apart.
 *
 * @example tokenLoginError(oauthError('invalid_user_password')); // wrong_password_grant
 */
export function tokenLoginError(error: OAuthError, strategy?: string): OAuthError {
  if (error.code === 'invalid_user_password') return oauthError('wrong_password_grant');
  if (error.code === 'invalid_passwordless_code') {
    return oauthError('wrong_otp_grant', strategy === 'email' ? 'Wrong email or verification code.' : undefined);
  }
  return error;
}
