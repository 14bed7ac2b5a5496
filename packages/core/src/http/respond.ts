import { errorWire, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthResponse } from './types.js';

/** Shared by every answer without headers of its own: frozen, since nothing may change it per request. */
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  pragma: 'no-cache',
});

/** @example jsonResponse(200, { ok: true }); */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): OAuthResponse {
  return { status, headers: headers === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * The contract's JSON error for an {@link OAuthError}, with `Retry-After` where it applies.
 *
 * @example errorResponse(oauthError('invalid_user_password'));
 */
export function errorResponse(error: OAuthError): OAuthResponse {
  const wire = errorWire(error);
  const headers: Record<string, string> = {};
  if (error.retryAfter !== undefined) headers['retry-after'] = String(Math.ceil(error.retryAfter));
  if (error.code === 'invalid_token') headers['www-authenticate'] = 'Bearer error="invalid_token"';
  if (error.code === 'insufficient_scope') headers['www-authenticate'] = 'Bearer error="insufficient_scope"';
  return jsonResponse(wire.status, wire.body, headers);
}

/** A 204 with no body. @example noContent(); */
export function noContent(): OAuthResponse {
  return { status: 204, headers: { 'cache-control': 'no-store' }, body: '' };
}
