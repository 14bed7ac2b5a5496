import { bearerToken, errorResponse, oauthError, type OAuthRo, type TokenClaims } from '@oauth-ro/core';
import type { MiddlewareHandler } from 'hono';

/** Context variables set by {@link requireAuth}. */
export interface OAuthRoVariables {
  auth: TokenClaims;
}

/**
 * Middleware for the app's own routes: 401 `invalid_token` unless the bearer token was issued by
 * this oauth-ro; the verified claims are in `c.get('auth')`.
 *
 * @example
 * app.get('/api/me', requireAuth(oauthRo), (c) => c.json({ sub: c.get('auth').sub }));
 */
export function requireAuth(oauthRo: OAuthRo): MiddlewareHandler<{ Variables: OAuthRoVariables }> {
  return async (c, next) => {
    const token = bearerToken({ authorization: c.req.header('authorization') });
    const claims = token ? await oauthRo.verifyToken(token) : undefined;
    if (!claims?.ok) {
      const response = errorResponse(claims?.error ?? oauthError('invalid_token', 'missing bearer token'));
      return c.body(response.body, response.status as 401, response.headers);
    }
    c.set('auth', claims.value);
    await next();
  };
}
