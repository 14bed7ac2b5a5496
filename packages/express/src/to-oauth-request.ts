import type { OAuthRequest } from '@oauth-ro/core';
import type { Request } from 'express';

/**
 * An Express request as core's plain request. A body the host app already parsed (its own
 * `express.json()`) is passed as `parsedBody`; otherwise the raw text our router read.
 *
 * @example toOAuthRequest(req); // { method: 'POST', path: '/oauth/ro', … }
 */
export function toOAuthRequest(req: Request): OAuthRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body: unknown = req.body;
  const q = req.originalUrl.indexOf('?');
  const base = {
    method: req.method,
    path: req.path,
    headers,
    ip: req.ip ?? req.socket.remoteAddress ?? '',
    ...(q === -1 ? {} : { query: req.originalUrl.slice(q + 1) }),
  };
  if (Buffer.isBuffer(body)) return { ...base, rawBody: body.toString('utf8') };
  return body === undefined ? base : { ...base, parsedBody: body };
}
