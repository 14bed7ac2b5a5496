import { bearerToken, errorResponse, oauthError, type OAuthRo, type TokenClaims, type VerifyAccessTokenOptions } from '@oauth-ro/core';
import type { MiddlewareHandler } from 'hono';

/** Context variables set by {@link requireAuth}. */
export interface OAuthRoVariables {
  auth: TokenClaims;
}

/**
 * Middleware for the app's own routes: 401 `invalid_token` unless the bearer token is an access token
 * this oauth-ro issued, checked by core's one verifier (`oauthRo.verifyAccessToken`: `typ: at+jwt`,
 * the server's own keys, issuer, `sub`, `exp`; `aud` containing `options.audience` when given); an
 * id_token is refused. The verified claims are in `c.get('auth')`.
 *
 * @example
 * app.get('/api/me', requireAuth(oauthRo), (c) => c.json({ sub: c.get('auth').sub }));
 */
export function requireAuth(oauthRo: OAuthRo, options?: VerifyAccessTokenOptions): MiddlewareHandler<{ Variables: OAuthRoVariables }> {
  return async (c, next) => {
    const token = bearerToken({ authorization: c.req.header('authorization') });
    const claims = token ? await oauthRo.verifyAccessToken(token, options) : undefined;
    if (!claims?.ok) {
      const response = errorResponse(claims?.error ?? oauthError('invalid_token', 'missing bearer token'));
      return c.body(response.body, response.status as 401, response.headers);
    }
    c.set('auth', claims.value);
    await next();
  };
}
