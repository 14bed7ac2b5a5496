import { exportSPKI, importJWK } from 'jose';
import { bearerToken } from '../handlers/handle-profile.js';
import type { OAuthRo } from '../handlers/create-oauth-ro.js';
import { ACCESS_TOKEN_RULES, isAccessTokenType } from '../tokens/access-token-rules.js';
import type { TokenRequirements } from '../tokens/check-token-requirements.js';

/** The `@fastify/jwt` (fast-jwt) options {@link accessTokenJwtOptions} builds, typed by shape. */
export interface AccessTokenJwtOptions {
  secret(request: unknown, token: unknown): Promise<string>;
  decode: { complete: true };
  verify: {
    algorithms: ('RS256' | 'ES256' | 'EdDSA')[];
    allowedIss: string;
    checkTyp: string;
    requiredClaims: string[];
    clockTolerance: number;
    allowedAud?: string;
    extractToken(request: { headers: { authorization?: string | undefined } }): string | undefined;
  };
  trusted(request: unknown, payload: { sub?: unknown }): boolean;
}

/**
 * `@fastify/jwt` options that verify exactly what `oauthRo.verifyAccessToken` verifies
 * ({@link ACCESS_TOKEN_RULES}): a bearer token of at most `maxLength` characters, header
 * `typ: at+jwt`, a `kid` of the server's key ring (looked up through core, which picks up keys other
 * instances rotated in) with that key's `alg`, never HS256 or a client's secret, `iss` the issuer,
 * `iss`/`sub`/`exp` required (`sub` a string), the same clock tolerance, and `aud` containing
 * `options.audience` when given. Each key's PEM is kept only as long as core keeps the key. The rules
 * live here, beside the verifier they mirror, so the Fastify adapter only registers them.
 *
 * @example await app.register(fastifyJwt, accessTokenJwtOptions(oauthRo));
 */
export function accessTokenJwtOptions(oauthRo: OAuthRo, options: Pick<TokenRequirements, 'audience'> = {}): AccessTokenJwtOptions {
  // Keyed by core's JWK object: an entry goes when core drops the key, so nothing grows with time.
  const pems = new WeakMap<object, Promise<string>>();
  const pemOf = (jwk: Record<string, unknown>) => {
    let pem = pems.get(jwk);
    if (pem === undefined) {
      pem = importJWK(jwk, jwk.alg as string).then((key) => exportSPKI(key as CryptoKey));
      pems.set(jwk, pem);
    }
    return pem;
  };
  return {
    secret: async (_request, token) => {
      const { header } = token as { header: { alg?: unknown; kid?: unknown; typ?: unknown } };
      const jwk = typeof header.kid === 'string' && isAccessTokenType(header.typ) ? await oauthRo.publicJwk(header.kid) : undefined;
      if (!jwk || jwk.alg !== header.alg || !ACCESS_TOKEN_RULES.algorithms.includes(header.alg as 'RS256')) {
        throw new Error('not an access token of this server');
      }
      return pemOf(jwk);
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
      extractToken: (request) => {
        const token = bearerToken({ authorization: request.headers.authorization });
        return token !== undefined && token.length <= ACCESS_TOKEN_RULES.maxLength ? token : undefined;
      },
    },
    trusted: (_request, payload) => typeof payload.sub === 'string',
  };
}
