import { errorWire, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthResponse } from '../http/types.js';
import type { TokenSet } from '../tokens/mint-tokens.js';
import type { LinkResponseType } from './read-link-auth-params.js';

/** Headers of every redirect that carries tokens or an error: never cached, never leaked by Referer. */
const REDIRECT_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache', 'referrer-policy': 'no-referrer' } as const;

function redirect(location: string): OAuthResponse {
  return { status: 302, headers: { ...REDIRECT_HEADERS, location }, body: '' };
}

/**
 * The 302 that delivers a passwordless login's tokens to an allowed callback, in the fragment
 * (OAuth 2.0 implicit grant, RFC 6749 §4.2.2): `access_token`, `token_type=Bearer`, `expires_in` for
 * `token`; `id_token` for `id_token`, and with `token` too when the scope has `openid` (Auth0's
 * legacy implicit answer); `state` echoed. `redirect_uri` must already be checked against the
 * client's callbacks.
 *
 * @example tokenRedirect('https://app.example.com/cb', 'token', tokens, 86400, 'xyz'); // 302 Location: https://app.example.com/cb#access_token=…
 */
export function tokenRedirect(redirect_uri: string, type: LinkResponseType, tokens: TokenSet, expires_in: number, state?: string): OAuthResponse {
  const fragment = new URLSearchParams();
  if (type !== 'id_token') {
    fragment.set('access_token', tokens.access_token);
    fragment.set('token_type', 'Bearer');
    fragment.set('expires_in', String(expires_in));
  }
  if (tokens.id_token !== undefined) fragment.set('id_token', tokens.id_token);
  if (state !== undefined) fragment.set('state', state);
  return redirect(`${redirect_uri}#${fragment.toString()}`);
}

/**
 * The 302 that reports a failure to an allowed callback (RFC 6749 §4.2.2.1): `error` and
 * `error_description` from the error table, `state` echoed; in the fragment, or in the query when
 * the client asked for a `code` (the authorization code flow reads errors there).
 *
 * @example errorRedirect('https://app.example.com/cb', oauthError('access_denied'), 'xyz', 'fragment');
 */
export function errorRedirect(redirect_uri: string, error: OAuthError, state: string | undefined, where: 'fragment' | 'query'): OAuthResponse {
  const wire = errorWire(error).body;
  const params = new URLSearchParams({ error: wire.error, error_description: wire.error_description });
  if (state !== undefined) params.set('state', state);
  if (where === 'fragment') return redirect(`${redirect_uri}#${params.toString()}`);
  const separator = redirect_uri.includes('?') ? '&' : '?';
  return redirect(`${redirect_uri}${separator}${params.toString()}`);
}
