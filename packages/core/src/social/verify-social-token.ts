import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, type Result } from '../util/result.js';
import { redeemAppleCode } from './redeem-apple-code.js';
import type { SocialIdentity } from './social-identity.js';
import { verifyFacebookToken } from './verify-facebook-token.js';
import { verifyGoogleToken } from './verify-google-token.js';

/**
 * What a native app presents for a social connection: a Facebook or Google access token (or a
 * Facebook session-info token), or a Sign in with Apple authorization code, verified with the
 * provider of the connection's strategy. Any other strategy: 400 `unsupported_operation`.
 *
 * @example const identity = await verifySocialToken(connection, { token }, Date.now());
 */
export function verifySocialToken(
  connection: ConnectionConfig,
  presented: { readonly token: string; readonly userProfile?: Readonly<Record<string, unknown>> },
  nowMs: number,
): Promise<Result<SocialIdentity, OAuthError>> {
  switch (connection.strategy) {
    case 'facebook':
      return verifyFacebookToken(connection as ConnectionConfig & { strategy: 'facebook' }, presented.token, nowMs);
    case 'google-oauth2':
      return verifyGoogleToken(connection as ConnectionConfig & { strategy: 'google-oauth2' }, presented.token, nowMs);
    case 'apple':
      return redeemAppleCode(connection as ConnectionConfig & { strategy: 'apple' }, presented.token, presented.userProfile, nowMs);
    default:
      return Promise.resolve(err(oauthError('unsupported_operation')));
  }
}
