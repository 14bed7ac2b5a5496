import { md5Hex } from '../util/md5.js';

/**
 * The `picture` Auth0 gives a user: Gravatar's image for the email's MD5 hash (trimmed, lower
 * case), falling back to Auth0's avatar of the name's first two letters; without an email, that
 * avatar alone.
 *
 * @example gravatarUrl('Ada@Example.com', 'ada@example.com');
 * // 'https://s.gravatar.com/avatar/<md5>?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fad.png'
 */
export function gravatarUrl(email: string | undefined, name: string | undefined): string {
  const initials = (name ?? '').replace(/[^\p{L}\p{N}]/gu, '').slice(0, 2).toLowerCase() || 'default';
  const fallback = `https://cdn.auth0.com/avatars/${encodeURIComponent(initials)}.png`;
  if (email === undefined) return fallback;
  return `https://s.gravatar.com/avatar/${md5Hex(email.trim().toLowerCase())}?s=480&r=pg&d=${encodeURIComponent(fallback)}`;
}
