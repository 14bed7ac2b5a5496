import type { ClientConfig } from '../config/types.js';
import { urlWithoutQuery } from './logout-url-allowed.js';

/**
 * Whether a browser may be sent to `redirect_uri` with tokens for this client: it must be one of the
 * client's `callbacks`, compared the way the server compares every allowed URL (the URL parser's
 * normal form, query string and fragment not compared, as `/logout` does with
 * `allowed_logout_urls`). A `redirect_uri` with a fragment is refused outright: the tokens go in the
 * fragment.
 *
 * @example callbackAllowed({ …client, callbacks: ['https://app.example.com/cb'] }, 'https://app.example.com/cb'); // true
 */
export function callbackAllowed(client: ClientConfig, redirect_uri: string): boolean {
  if (redirect_uri.includes('#')) return false;
  const wanted = urlWithoutQuery(redirect_uri);
  if (wanted === undefined) return false;
  return (client.callbacks ?? []).some((allowed) => urlWithoutQuery(allowed) === wanted);
}
