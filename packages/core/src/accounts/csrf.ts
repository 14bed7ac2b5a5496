import type { OAuthRequest } from '../http/types.js';
import type { Random } from '../ports/random.js';
import { constantTimeEqual } from '../util/constant-time.js';
import { base64UrlEncode } from '../util/encoding.js';

/** The double-submit cookie of the account forms. */
export const CSRF_COOKIE = 'oauth_ro_csrf';

/**
 * A fresh CSRF token and the `Set-Cookie` that carries it (HttpOnly, SameSite=Strict, Secure on an
 * https issuer, scoped to the page's own directory). The form carries the same value; a POST is
 * accepted only when both agree, which another site can neither read nor forge.
 *
 * @example const { token, setCookie } = newCsrfToken(deps.random, true);
 */
export function newCsrfToken(random: Random, secure: boolean): { token: string; setCookie: string } {
  const token = base64UrlEncode(random.bytes(24));
  return { token, setCookie: `${CSRF_COOKIE}=${token}; HttpOnly; SameSite=Strict; Max-Age=3600${secure ? '; Secure' : ''}` };
}

/** The CSRF cookie of a request, if any. */
export function csrfCookie(request: OAuthRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return rest.join('=');
  }
  return undefined;
}

/**
 * Whether a form's `_csrf` field matches the request's CSRF cookie (constant time).
 *
 * @example if (!csrfMatches(request, body._csrf)) return problemPage(403, …);
 */
export function csrfMatches(request: OAuthRequest, field: unknown): boolean {
  const cookie = csrfCookie(request);
  return typeof field === 'string' && cookie !== undefined && cookie.length >= 32 && constantTimeEqual(cookie, field);
}

/** Clears the CSRF cookie once the form was used. */
export const CLEAR_CSRF_COOKIE = `${CSRF_COOKIE}=; HttpOnly; SameSite=Strict; Max-Age=0`;
