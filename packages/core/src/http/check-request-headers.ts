import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthRequest } from './types.js';

/**
 * Longest value accepted for a header oauth-ro reads, in characters. An RS256 access token is under
 * 2 KiB and a Basic credential under 1 KiB; 8 KiB leaves room and stays well below what hosts accept
 * (Node's whole header block defaults to 16 KiB, but Hono on Workers or Bun may take more).
 */
export const MAX_HEADER_VALUE_LENGTH = 8 * 1024;

/** The headers core reads: a bearer or Basic credential, and the body's media type. */
const READ_HEADERS = ['authorization', 'content-type'] as const;

/**
 * Refuses a request whose `Authorization` or `Content-Type` is longer than
 * {@link MAX_HEADER_VALUE_LENGTH}, before any parsing or key work: 431 `invalid_request`. Headers
 * core never reads (cookies of the host app, say) are the host's business and are not judged.
 *
 * @example
 * checkRequestHeaders({ ...request, headers: { authorization: `Bearer ${'a'.repeat(9000)}` } });
 * // { code: 'header_too_large', description: 'authorization header too large', … }
 */
export function checkRequestHeaders(request: Pick<OAuthRequest, 'headers'>): OAuthError | undefined {
  for (const name of READ_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined && value.length > MAX_HEADER_VALUE_LENGTH) {
      return oauthError('header_too_large', `${name} header too large`);
    }
  }
  return undefined;
}
