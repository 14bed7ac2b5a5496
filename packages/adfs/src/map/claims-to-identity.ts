import type { DirectoryIdentity } from '@oauth-ro/core/ports';
import type { AssertionClaims } from './read-claims.js';

/**
 * Claim types ADFS issues, as Auth0's ADFS connection read them.
 *
 * @example claims.attributes.get(CLAIM_TYPES.upn);
 */
export const CLAIM_TYPES = {
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  nameIdentifier: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
  windowsAccountName: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname',
  group: 'http://schemas.xmlsoap.org/claims/Group',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  role: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Turns the claims of a verified assertion into the identity core stores (Auth0's ADFS profile:
 * `adfs|john@fabrikam.com`). The id is the `user_id_attribute` claim if configured, else the UPN,
 * else the name identifier, else the email; undefined when none is present.
 *
 * @example claimsToIdentity(readClaims(signed, 'saml2'), undefined)?.id; // 'john@fabrikam.com'
 */
export function claimsToIdentity(claims: AssertionClaims, userIdClaim: string | undefined): DirectoryIdentity | undefined {
  const first = (type: string) => claims.attributes.get(type)?.[0];
  const upn = first(CLAIM_TYPES.upn);
  const emailClaim = first(CLAIM_TYPES.email);
  const id =
    (userIdClaim ? first(userIdClaim) : undefined) ?? upn ?? first(CLAIM_TYPES.nameIdentifier) ?? claims.nameId ?? emailClaim;
  if (!id) return undefined;
  const email = emailClaim ?? (upn && EMAIL.test(upn) ? upn : undefined);
  const groups = [
    ...new Set([...(claims.attributes.get(CLAIM_TYPES.group) ?? []), ...(claims.attributes.get(CLAIM_TYPES.groups) ?? [])]),
  ];
  const roles = claims.attributes.get(CLAIM_TYPES.role);
  const profile: Record<string, unknown> = {
    name: first(CLAIM_TYPES.name),
    given_name: first(CLAIM_TYPES.givenName),
    family_name: first(CLAIM_TYPES.surname),
    upn,
    groups: groups.length > 0 ? groups : undefined,
    roles: roles && roles.length > 0 ? [...roles] : undefined,
    issuer: claims.issuer,
  };
  for (const key of Object.keys(profile)) if (profile[key] === undefined) delete profile[key];
  const username = upn ?? first(CLAIM_TYPES.windowsAccountName);
  return {
    id,
    ...(email === undefined ? {} : { email }),
    ...(username === undefined ? {} : { username }),
    profile,
  };
}
