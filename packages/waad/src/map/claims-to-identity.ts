import type { DirectoryIdentity } from '@oauth-ro/core/ports';
import type { JWTPayload } from 'jose';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string');
  return list.length > 0 ? list : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Turns verified Entra ID id_token claims into the identity core stores: `oid` is the user id
 * (stable across apps, unlike the pairwise `sub`); the login name is `preferred_username` or `upn`;
 * the email is `email`, else the UPN when it looks like one (Auth0 showed the UPN as email for
 * Azure AD users). Returns undefined without an `oid`.
 *
 * @example
 * claimsToIdentity({ oid: '00000000-…', preferred_username: 'jdoe@contoso.com', name: 'J Doe' });
 */
export function claimsToIdentity(claims: JWTPayload): DirectoryIdentity | undefined {
  const oid = text(claims.oid);
  if (!oid) return undefined;
  const upn = text(claims.upn);
  const preferred = text(claims.preferred_username);
  const username = preferred ?? upn;
  const emailClaim = text(claims.email);
  const email = emailClaim ?? [upn, preferred].find((v) => v !== undefined && EMAIL.test(v));
  const profile: Record<string, unknown> = {
    name: text(claims.name),
    given_name: text(claims.given_name),
    family_name: text(claims.family_name),
    upn: upn ?? preferred,
    oid,
    tenantid: text(claims.tid),
    groups: strings(claims.groups),
    roles: strings(claims.roles),
  };
  for (const key of Object.keys(profile)) if (profile[key] === undefined) delete profile[key];
  return {
    id: oid,
    ...(email === undefined ? {} : { email }),
    ...(username === undefined ? {} : { username }),
    profile,
  };
}
