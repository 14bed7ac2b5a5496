import { MAX_BODY_BYTES, type OAuthRequest } from '../http/types.js';
import { readChunksLimited } from '../util/read-chunks-limited.js';
import type { NodeBridgeOptions, NodeRequestLike } from './node-types.js';

/**
 * A Node request as core's plain request, without building a Fetch `Request`: headers flattened
 * (repeated ones joined with `, `), the query split off, and the body read as text up to
 * {@link MAX_BODY_BYTES} and no further (never for GET and HEAD) — or, when the host app's own parser already read it
 * (Express's `express.json()`), that parsed value as `parsedBody`.
 *
 * @example const plain = await fromNodeRequest(req, { ip: req.ip });
 */
export async function fromNodeRequest(req: NodeRequestLike, options: NodeBridgeOptions = {}): Promise<OAuthRequest> {
  const headers: Record<string, string | undefined> = {};
  for (const name of Object.keys(req.headers)) {
    const value = req.headers[name];
    headers[name] = typeof value === 'string' || value === undefined ? value : value.join(', ');
  }
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const full = q === -1 ? url : url.slice(0, q);
  const prefix = options.prefix ?? '';
  const base = {
    method: req.method ?? 'GET',
    path: prefix && full.startsWith(prefix) ? full.slice(prefix.length) || '/' : full,
    headers,
    ip: options.ip ?? req.socket?.remoteAddress ?? '',
    ...(q === -1 ? {} : { query: url.slice(q + 1) }),
  };
  if (req.readableEnded && req.body !== undefined) return { ...base, parsedBody: req.body };
  // As `oauthRo.fetch` does: no route reads a GET or HEAD body, and the fast paths skip the stream.
  if (base.method === 'GET' || base.method === 'HEAD') return { ...base, rawBody: '' };
  if (Number(headers['content-length']) > MAX_BODY_BYTES) return { ...base, bodyTooLarge: true };
  // Iterated by hand: leaving early through `return()` would destroy the socket before the 413 is written.
  const chunks = req[Symbol.asyncIterator]();
  const bytes = await readChunksLimited(() => chunks.next(), MAX_BODY_BYTES);
  return bytes ? { ...base, rawBody: new TextDecoder().decode(bytes) } : { ...base, bodyTooLarge: true };
}
