import type { UserRecord } from '../ports/user-store.js';
import { gravatarUrl } from './gravatar-url.js';

/** Claims no token and no profile response ever carries. */
const PRIVATE_FIELDS = new Set(['password_hash', 'blocked']);

/**
 * The full normalised profile of a user, as `/tokeninfo` returns it (Auth0's profile shape).
 *
 * @example fullProfile(user).identities[0].provider; // 'auth0'
 */
export function fullProfile(user: UserRecord): Record<string, unknown> {
  const bar = user.user_id.indexOf('|');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user.profile)) {
    if (!PRIVATE_FIELDS.has(key) && value !== undefined) out[key] = value;
  }
  const fallbackName = user.email ?? user.username ?? user.phone_number;
  return {
    user_id: user.user_id,
    ...(user.email === undefined ? {} : { email: user.email, email_verified: false }),
    ...(user.username === undefined ? {} : { username: user.username }),
    ...(user.phone_number === undefined ? {} : { phone_number: user.phone_number, phone_verified: false }),
    ...(fallbackName === undefined ? {} : { name: fallbackName }),
    ...(fallbackName === undefined ? {} : { nickname: (user.username ?? fallbackName).split('@')[0] }),
    picture: gravatarUrl(user.email, fallbackName),
    ...out,
    identities: [
      {
        provider: user.strategy,
        user_id: user.user_id.slice(bar + 1),
        connection: user.connection,
        isSocial: false,
      },
    ],
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
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
