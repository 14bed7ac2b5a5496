import { AUTH0_ERROR_NAMES } from '../errors/auth0-error-table.js';
import { ERROR_TABLE } from '../errors/error-table.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { errorResponse, jsonResponse } from './respond.js';
import type { OAuthResponse } from './types.js';

/**
 * The answer of `/dbconnections/*` to an error: Auth0's own body for the errors it had one for
 * (`AUTH0_ERROR_NAMES`), the contract's `{error, error_description}` for the rest.
 *
 * @example
 * auth0ErrorResponse(oauthError('user_exists'));
 * // 400 {"name":"BadRequestError","code":"user_exists","description":"The user already exists.","statusCode":400}
 */
export function auth0ErrorResponse(error: OAuthError): OAuthResponse {
  const named = AUTH0_ERROR_NAMES[error.code];
  if (!named) return errorResponse(error);
  const shape = ERROR_TABLE[error.code];
  const text = error.code === 'invalid_password' ? shape.description : (error.description ?? shape.description);
  const strength = error.code === 'invalid_password' ? error.strength : undefined;
  return jsonResponse(shape.status, {
    name: named.name,
    ...(named.message ? { message: text } : {}),
    code: shape.error,
    description: strength ? { rules: strength.rules, verified: strength.verified } : text,
    ...(strength ? { policy: strength.policy } : {}),
    statusCode: shape.status,
  });
}
