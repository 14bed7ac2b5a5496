import type { StrategyName } from '../config/types.js';

const GRANTS: Readonly<Record<StrategyName, readonly string[]>> = {
  // The Touch ID flow (jwt-bearer) logs in database users, as Auth0's Lock did.
  auth0: ['password', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
  sms: ['password'],
  email: ['password'],
  ad: ['password'],
  waad: ['password'],
  adfs: ['password'],
  // Social connections log users in only by token exchange (`/oauth/access_token`, `/oauth/token`).
  facebook: [],
  'google-oauth2': [],
  apple: [],
};

/**
 * Whether a connection's strategy can serve a grant on `/oauth/ro`.
 *
 * @example supportsGrant('auth0', 'password'); // true
 */
export function supportsGrant(strategy: StrategyName, grant: string): boolean {
  return GRANTS[strategy].includes(grant);
}
