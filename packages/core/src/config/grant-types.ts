import type { ClientConfig, OAuthRoConfig } from './types.js';

/** Auth0's names of the grants a client's `grant_types` can list. */
export const GRANT = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  passwordlessOtp: 'http://auth0.com/oauth/grant-type/passwordless/otp',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  clientCredentials: 'client_credentials',
  refreshToken: 'refresh_token',
  tokenExchange: 'urn:ietf:params:oauth:grant-type:token-exchange',
  legacyRo: 'http://auth0.com/oauth/legacy/grant-type/ro',
  legacyRoJwtBearer: 'http://auth0.com/oauth/legacy/grant-type/ro/jwt-bearer',
  legacyDelegationRefreshToken: 'http://auth0.com/oauth/legacy/grant-type/delegation/refresh_token',
  legacyDelegationIdToken: 'http://auth0.com/oauth/legacy/grant-type/delegation/id_token',
  legacyAccessToken: 'http://auth0.com/oauth/legacy/grant-type/access_token',
} as const;

/** One of {@link GRANT}'s values. */
export type GrantTypeName = (typeof GRANT)[keyof typeof GRANT];

/** Every name a `grant_types` list may hold. */
export const GRANT_TYPE_NAMES: readonly GrantTypeName[] = Object.values(GRANT);

/**
 * Whether a client may use a grant. With a `grant_types` list, only what it names. Without one, a
 * client keeps every grant it had before the list existed (the legacy endpoints, refresh, the
 * password and passwordless grants, token exchange) and gets `client_credentials` only when a
 * client grant names it.
 *
 * @example clientAllowsGrant(config, client, GRANT.legacyRo); // true for a client without grant_types
 */
export function clientAllowsGrant(config: OAuthRoConfig, client: ClientConfig, grant: GrantTypeName): boolean {
  if (client.grant_types) return client.grant_types.includes(grant);
  if (grant !== GRANT.clientCredentials) return true;
  return (config.client_grants ?? []).some((g) => g.client_id === client.client_id);
}
