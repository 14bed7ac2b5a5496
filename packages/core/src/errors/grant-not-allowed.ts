import { oauthError, type OAuthError } from './oauth-error.js';

/**
 * Auth0's refusal of a grant the client's `grant_types` does not list: 403 `unauthorized_client`.
 *
 * @example grantNotAllowed('password'); // "Grant type 'password' not allowed for the client."
 */
export function grantNotAllowed(grant: string): OAuthError {
  return oauthError('grant_not_allowed', `Grant type '${grant}' not allowed for the client.`);
}
