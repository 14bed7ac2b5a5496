import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthResponse } from '../http/types.js';

const undecodable = () => oauthError('invalid_request', 'the path could not be decoded');

/** What a host framework's own errors mean, by body-parser `type` or Fastify `code`. */
const BY_KIND: Readonly<Record<string, () => OAuthError>> = {
  'entity.too.large': () => oauthError('body_too_large'),
  'encoding.unsupported': () => oauthError('unsupported_media_type'),
  'charset.unsupported': () => oauthError('unsupported_media_type'),
  FST_ERR_BAD_URL: undecodable,
  // A parameter longer than the router takes: as core answers an implausibly long id.
  FST_ERR_MAX_PARAM_LENGTH: () => oauthError('not_found'),
  FST_ERR_ASYNC_CONSTRAINT: () => oauthError('invalid_request', 'the request could not be routed'),
};

function hostError(error: unknown): OAuthError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { type?: unknown; code?: unknown; status?: unknown; statusCode?: unknown };
  const kind = typeof e.type === 'string' ? e.type : typeof e.code === 'string' ? e.code : '';
  if (Object.hasOwn(BY_KIND, kind)) return BY_KIND[kind]!();
  // Express's router, for a path parameter that does not decode (Fastify's URIErrors have codes, above).
  if (error instanceof URIError) return undecodable();
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return oauthError('body_too_large');
  if (status === 415) return oauthError('unsupported_media_type');
  return oauthError(status < 500 ? 'invalid_body' : 'server_error');
}

/**
 * The contract's answer to an error a host framework raised before oauth-ro saw the request: a body
 * parser's (Express's `express.json()`), a router's (an undecodable path, an over-long parameter),
 * or any other, by its `type`, `code` or status. The one place such errors are mapped; a 413 closes
 * the connection.
 *
 * @example app.use((error, req, res, next) => send(res, hostErrorResponse(error)));
 */
export function hostErrorResponse(error: unknown): OAuthResponse {
  const response = errorResponse(hostError(error));
  return response.status === 413 ? { ...response, headers: { ...response.headers, connection: 'close' } } : response;
}
