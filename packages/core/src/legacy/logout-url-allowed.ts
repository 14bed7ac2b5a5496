import type { ClientConfig } from '../config/types.js';

/**
 * A URL without its query string and fragment, normalised by the URL parser; undefined when it is
 * not an absolute URL. The one comparison of allowed URLs (logout URLs, callbacks).
 *
 * @example urlWithoutQuery('HTTPS://App.example.com/cb?x=1#y'); // 'https://app.example.com/cb'
 */
export function urlWithoutQuery(text: string): string | undefined {
  try {
    const url = new URL(text);
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * Whether `/logout` may send the browser to `returnTo` for this client: it must be one of the
 * client's `allowed_logout_urls`, compared as Auth0 did, without query string and fragment.
 *
 * @example logoutUrlAllowed({ …client, allowed_logout_urls: ['https://app.example.com/bye'] }, 'https://app.example.com/bye?x=1'); // true
 */
export function logoutUrlAllowed(client: ClientConfig, returnTo: string): boolean {
  const wanted = urlWithoutQuery(returnTo);
  if (wanted === undefined) return false;
  return (client.allowed_logout_urls ?? []).some((allowed) => urlWithoutQuery(allowed) === wanted);
}
