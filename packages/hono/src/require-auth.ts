import { bearerToken, errorResponse, oauthError, type OAuthRo, type TokenClaims, type TokenRequirements } from '@oauth-ro/core';
import type { MiddlewareHandler } from 'hono';

/** Context variables set by {@link requireAuth}. */
export interface OAuthRoVariables {
  auth: TokenClaims;
}

/**
 * Middleware for the app's own routes: 401 `invalid_token` unless the bearer token is an access token
 * this oauth-ro issued, checked by core's one verifier (`oauthRo.verifyAccessToken`: `typ: at+jwt`,
 * the server's own keys, issuer, `sub`, `exp`); an
 * id_token is refused. The verified claims are in `c.get('auth')`.
 * With `requirements`, the token must also be for that API `audience` (401) and carry the `scopes`
 * (403 `insufficient_scope`).
 *
 * @example
 * app.get('/api/me', requireAuth(oauthRo), (c) => c.json({ sub: c.get('auth').sub }));
 * app.get('/notes', requireAuth(oauthRo, { audience: 'https://api.example.com/', scopes: ['read:notes'] }), listNotes);
 */
export function requireAuth(oauthRo: OAuthRo, requirements?: TokenRequirements): MiddlewareHandler<{ Variables: OAuthRoVariables }> {
  return async (c, next) => {
    const token = bearerToken({ authorization: c.req.header('authorization') });
    const claims = token ? await oauthRo.verifyAccessToken(token, requirements) : undefined;
    if (!claims?.ok) {
      const response = errorResponse(claims?.error ?? oauthError('invalid_token', 'missing bearer token'));
      return c.body(response.body, response.status as 401 | 403, response.headers);
    }
    c.set('auth', claims.value);
    await next();
  };
}
