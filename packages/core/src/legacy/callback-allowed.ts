import type { ClientConfig } from '../config/types.js';
import { urlWithoutQuery } from './logout-url-allowed.js';

/**
 * The URL a browser may be sent to with tokens for this client, as the URL parser serialises it (so
 * no control character the parser drops can reach a `Location` header); undefined unless it is one
 * of the client's `callbacks`, compared the way the server compares every allowed URL (the parser's
 * normal form, query string and fragment not compared, as `/logout` does with
 * `allowed_logout_urls`). A `redirect_uri` with a fragment is refused outright: the tokens go in the
 * fragment.
 *
 * @example allowedCallback({ …client, callbacks: ['https://app.example.com/cb'] }, 'https://APP.example.com/cb'); // 'https://app.example.com/cb'
 */
export function allowedCallback(client: ClientConfig, redirect_uri: string): string | undefined {
  if (redirect_uri.includes('#')) return undefined;
  const wanted = urlWithoutQuery(redirect_uri);
  if (wanted === undefined) return undefined;
  if (!(client.callbacks ?? []).some((allowed) => urlWithoutQuery(allowed) === wanted)) return undefined;
  return new URL(redirect_uri).href;
}
