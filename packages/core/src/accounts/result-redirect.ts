import type { OAuthResponse } from '../http/types.js';

/**
 * A 302 to a result URL with Auth0's `success` and `message` query parameters added, or undefined
 * without one.
 *
 * @example resultRedirect('https://app.example.com/done', 'Your email was verified.');
 */
export function resultRedirect(resultUrl: string | undefined, message: string, extra: { set_cookie?: string } = {}): OAuthResponse | undefined {
  if (!resultUrl) return undefined;
  const url = new URL(resultUrl);
  url.searchParams.set('success', 'true');
  url.searchParams.set('message', message);
  return {
    status: 302,
    headers: { location: url.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...(extra.set_cookie ? { 'set-cookie': extra.set_cookie } : {}) },
    body: '',
  };
}
