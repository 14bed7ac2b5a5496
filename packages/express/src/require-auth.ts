import { bearerToken, errorResponse, oauthError, type OAuthRo, type TokenClaims, type TokenRequirements } from '@oauth-ro/core';
import type { RequestHandler } from 'express';
import { send } from './oauth-ro-router.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The verified claims of the bearer token, set by {@link requireAuth}. */
      auth?: TokenClaims;
    }
  }
}

/**
 * Middleware for the app's own routes: accepts only an access token this oauth-ro issued, checked by
 * core's one verifier (`oauthRo.verifyAccessToken`: `typ: at+jwt`, the server's own keys, issuer,
 * `sub`, `exp`), and puts its claims on `req.auth`;
 * an id_token, a token signed with a client's secret, or anything else gets 401 `invalid_token`.
 * With `requirements`, the token must also be for that API `audience` (401) and carry the `scopes`
 * (403 `insufficient_scope`).
 *
 * @example
 * app.get('/api/me', requireAuth(oauthRo), (req, res) => res.json({ sub: req.auth!.sub }));
 * app.get('/notes', requireAuth(oauthRo, { audience: 'https://api.example.com/', scopes: ['read:notes'] }), listNotes);
 */
export function requireAuth(oauthRo: OAuthRo, requirements?: TokenRequirements): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken({ authorization: req.headers.authorization });
    if (!token) return send(res, errorResponse(oauthError('invalid_token', 'missing bearer token')));
    oauthRo.verifyAccessToken(token, requirements).then((claims) => {
      if (!claims.ok) return send(res, errorResponse(claims.error));
      req.auth = claims.value;
      next();
    }, next);
  };
}
