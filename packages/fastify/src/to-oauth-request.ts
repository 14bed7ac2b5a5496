import type { OAuthRequest } from '@oauth-ro/core';
import type { FastifyRequest } from 'fastify';

/**
 * A Fastify request as core's plain request; `prefix` is stripped so core sees `/oauth/ro`.
 *
 * @example toOAuthRequest(request, ''); // { method: 'POST', path: '/oauth/ro', … }
 */
export function toOAuthRequest(request: FastifyRequest, prefix: string): OAuthRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const q = request.url.indexOf('?');
  const url = q === -1 ? request.url : request.url.slice(0, q);
  const query = q === -1 ? undefined : request.url.slice(q + 1);
  const path = prefix && url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url;
  const body = request.body;
  return {
    method: request.method,
    path,
    headers,
    ip: request.ip,
    ...(query === undefined ? {} : { query }),
    ...(typeof body === 'string' ? { rawBody: body } : {}),
  };
}
