import { createPublicKey } from 'node:crypto';
import type { FastifyJWTOptions } from '@fastify/jwt';
import { bearerToken, type OAuthRo } from '@oauth-ro/core';
import { ACCESS_TOKEN_RULES, isAccessTokenType, type VerifyAccessTokenOptions } from '@oauth-ro/core/internal';
import type { FastifyRequest } from 'fastify';

/**
 * `@fastify/jwt` options that verify exactly what core's `oauthRo.verifyAccessToken` verifies
 * ({@link ACCESS_TOKEN_RULES}): a bearer token of at most `maxLength` characters, header
 * `typ: at+jwt`, a `kid` of the server's key ring (looked up through core, which picks up keys other
 * instances rotated in) with that key's `alg`, never HS256 or a client's secret, `iss` the issuer,
 * `iss`/`sub`/`exp` required (`sub` a string), the same clock tolerance, and `aud` containing
 * `options.audience` when given. Each key's PEM is kept only as long as core keeps the key.
 *
 * @example await app.register(fastifyJwt, accessTokenJwtOptions(oauthRo));
 */
export function accessTokenJwtOptions(oauthRo: OAuthRo, options: VerifyAccessTokenOptions = {}): FastifyJWTOptions {
  // Keyed by core's JWK object: an entry goes when core drops the key, so nothing grows with time.
  const pems = new WeakMap<object, string>();
  return {
    secret: async (_request: FastifyRequest, token: unknown) => {
      const { header } = token as { header: { alg?: unknown; kid?: unknown; typ?: unknown } };
      const jwk = typeof header.kid === 'string' && isAccessTokenType(header.typ) ? await oauthRo.publicJwk(header.kid) : undefined;
      if (!jwk || jwk.alg !== header.alg || !ACCESS_TOKEN_RULES.algorithms.includes(header.alg as 'RS256')) {
        throw new Error('not an access token of this server');
      }
      let pem = pems.get(jwk);
      if (pem === undefined) {
        pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
        pems.set(jwk, pem);
      }
      return pem;
    },
    // The secret callback needs the header (kid, alg, typ), not only the payload.
    decode: { complete: true },
    verify: {
      algorithms: [...ACCESS_TOKEN_RULES.algorithms],
      allowedIss: oauthRo.issuer,
      checkTyp: ACCESS_TOKEN_RULES.typ,
      requiredClaims: [...ACCESS_TOKEN_RULES.requiredClaims],
      // fast-jwt counts in milliseconds.
      clockTolerance: ACCESS_TOKEN_RULES.clockToleranceS * 1000,
      ...(options.audience === undefined ? {} : { allowedAud: options.audience }),
      extractToken: (request: FastifyRequest) => {
        const token = bearerToken({ authorization: request.headers.authorization });
        return token !== undefined && token.length <= ACCESS_TOKEN_RULES.maxLength ? token : undefined;
      },
    },
    trusted: (_request, payload) => typeof payload.sub === 'string',
  };
}
