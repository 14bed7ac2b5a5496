import type { UserRecord } from '../ports/user-store.js';
import { gravatarUrl } from './gravatar-url.js';

/** Claims no token and no profile response ever carries. */
const PRIVATE_FIELDS = new Set(['password_hash', 'blocked']);

/**
 * The full normalised profile of a user, as `/tokeninfo` returns it (Auth0's profile shape);
 * `/userinfo`'s (`withSub`) starts with `sub`, the user id.
 *
 * @example fullProfile(user).identities[0].provider; // 'auth0'
 */
export function fullProfile(user: UserRecord, withSub = false): Record<string, unknown> {
  // Built in place (no spread copies); a profile attribute replaces a derived one in its position.
  const fallbackName = user.email ?? user.username ?? user.phone_number;
  const profile: Record<string, unknown> = withSub ? { sub: user.user_id, user_id: user.user_id } : { user_id: user.user_id };
  if (user.email !== undefined) {
    profile['email'] = user.email;
    profile['email_verified'] = false;
  }
  if (user.username !== undefined) profile['username'] = user.username;
  if (user.phone_number !== undefined) {
    profile['phone_number'] = user.phone_number;
    profile['phone_verified'] = false;
  }
  if (fallbackName !== undefined) {
    profile['name'] = fallbackName;
    profile['nickname'] = (user.username ?? fallbackName).split('@')[0];
  }
  profile['picture'] = gravatarUrl(user.email, fallbackName);
  for (const key of Object.keys(user.profile)) {
    const value = user.profile[key];
    if (value !== undefined && !PRIVATE_FIELDS.has(key) && key !== '__proto__') profile[key] = value;
  }
  profile['identities'] = [{ provider: user.strategy, user_id: user.user_id.slice(user.user_id.indexOf('|') + 1), connection: user.connection, isSocial: false }];
  profile['created_at'] = user.created_at;
  profile['updated_at'] = user.updated_at;
  return profile;
}

/** Scope words that are not profile attributes. */
const NON_ATTRIBUTE_SCOPES = new Set(['openid', 'offline_access', 'profile']);
/** Registered claims a profile attribute must never override. */
const REGISTERED = new Set(['iss', 'sub', 'aud', 'iat', 'exp', 'nbf', 'jti', 'azp']);

/** Scope words that bring a companion attribute along, as Auth0's normalised profile did. */
const COMPANIONS: Readonly<Record<string, string>> = { email: 'email_verified' };

/**
 * The id_token claims for a scope (docs/spec.md §3): `openid` alone gives none; each further word adds the
 * attribute of that name (`email` also `email_verified`); `profile` adds the whole profile, `picture` included.
 *
 * @example
 * scopedClaims(user, ['openid', 'email']); // { email: 'a@example.com' }
 */
export function scopedClaims(user: UserRecord, scope: readonly string[]): Record<string, unknown> {
  const profile = fullProfile(user);
  const out: Record<string, unknown> = {};
  if (scope.includes('profile')) Object.assign(out, profile);
  for (const word of scope) {
    if (!NON_ATTRIBUTE_SCOPES.has(word) && Object.hasOwn(profile, word)) out[word] = profile[word];
    const companion = COMPANIONS[word];
    if (companion !== undefined && Object.hasOwn(profile, companion)) out[companion] = profile[companion];
  }
  for (const key of REGISTERED) delete out[key];
  return out;
}
