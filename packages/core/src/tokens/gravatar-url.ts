import { md5Hex } from '../util/md5.js';

/** Profiles build the same URL per request (an MD5 in JS): the last few hundred are kept. */
const RECENT_MAX = 512;
const recent = new Map<string, string>();

/**
 * The `picture` Auth0 gives a user: Gravatar's image for the email's MD5 hash (trimmed, lower
 * case), falling back to Auth0's avatar of the name's first two letters; without an email, that
 * avatar alone.
 *
 * @example gravatarUrl('Ada@Example.com', 'ada@example.com');
 * // 'https://s.gravatar.com/avatar/<md5>?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fad.png'
 */
export function gravatarUrl(email: string | undefined, name: string | undefined): string {
  // The email's length first (-1 for none) keeps every (email, name) pair's key distinct.
  const key = `${email?.length ?? -1}:${email ?? ''}${name ?? ''}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const url = buildGravatarUrl(email, name);
  // Oldest first out: the same few users ask for their profile again and again.
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(key, url);
  return url;
}

function buildGravatarUrl(email: string | undefined, name: string | undefined): string {
  const initials = (name ?? '').replace(/[^\p{L}\p{N}]/gu, '').slice(0, 2).toLowerCase() || 'default';
  const fallback = `https://cdn.auth0.com/avatars/${encodeURIComponent(initials)}.png`;
  if (email === undefined) return fallback;
  return `https://s.gravatar.com/avatar/${md5Hex(email.trim().toLowerCase())}?s=480&r=pg&d=${encodeURIComponent(fallback)}`;
}
