import { readStreamLimited } from '../util/read-stream-limited.js';
import { MAX_BODY_BYTES, plainRequest, type OAuthRequest, type OAuthResponse, type RequestHead } from './types.js';

const decoder = new TextDecoder();

/** What a Fetch `Request` does not carry: the client address, and where oauth-ro is mounted. */
export interface FetchOptions {
  /** The client address as the runtime or a trusted proxy reports it (default: empty, unknown). */
  readonly ip?: string;
  /** The path relative to the mount (e.g. `/oauth/ro`); default: the URL's path as is. */
  readonly path?: string;
}

/**
 * The path and query of a `Request`'s URL. `request.url` is already serialised (absolute, no
 * fragment), so an http(s) URL splits at its first `/` after the authority and its first `?`
 * without parsing it again; anything else goes through `URL`.
 */
function splitRequestUrl(url: string): { pathname: string; query: string } {
  const authority = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  const slash = authority === -1 ? -1 : url.indexOf('/', authority);
  if (slash === -1) {
    const parsed = new URL(url);
    return { pathname: parsed.pathname, query: parsed.search.slice(1) };
  }
  const q = url.indexOf('?', slash);
  return q === -1 ? { pathname: url.slice(slash), query: '' } : { pathname: url.slice(slash, q), query: url.slice(q + 1) };
}

/**
 * A Fetch `Request` as core's plain request: headers flattened (lower-cased by `Headers`), the
 * body read as text up to {@link MAX_BODY_BYTES} and no further (a lying or missing
 * `Content-Length` cannot make it buffer more). GET and HEAD bodies are never touched.
 *
 * @example const plain = await fromFetchRequest(new Request('http://x/oauth/ro', { method: 'POST', body }));
 */
export async function fromFetchRequest(request: Request, options: FetchOptions = {}): Promise<OAuthRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const { pathname, query } = splitRequestUrl(request.url);
  const head: RequestHead = { method: request.method, path: options.path ?? pathname, headers, ip: options.ip ?? '', query: query || undefined };
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return plainRequest(head, { rawBody: '' });
  if (Number(headers['content-length']) > MAX_BODY_BYTES) return plainRequest(head, { bodyTooLarge: true });
  const bytes = await readStreamLimited(request.body, MAX_BODY_BYTES);
  return plainRequest(head, bytes ? { rawBody: decoder.decode(bytes) } : { bodyTooLarge: true });
}

/**
 * Core's plain response as a Fetch `Response` (a 204 or an empty body carries none).
 *
 * @example return toFetchResponse(await oauthRo.handle(plain));
 */
export function toFetchResponse(response: OAuthResponse): Response {
  // A copy: core's header objects may be shared and frozen, and a host's `Response` may keep and
  // change the object it is given (`@hono/node-server`'s adds `Content-Length` to it).
  return new Response(response.body === '' ? null : response.body, { status: response.status, headers: { ...response.headers } });
}
