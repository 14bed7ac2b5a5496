import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import type { MintContext } from './mint-tokens.js';

/** The verified claims of a token this server issued. */
export type TokenClaims = JWTPayload & { sub: string };

/** Seconds of clock skew tolerated when checking `exp`/`iat`. */
const CLOCK_TOLERANCE_S = 30;

/**
 * Verifies a token this server issued: RS256/ES256/EdDSA by `kid` against the key ring, HS256 by the
 * audience client's secret. The issuer must be ours. Never throws for a bad token.
 *
 * @example
 * const claims = await verifyIssuedToken(ctx, bearer, Date.now());
 * if (claims.ok) console.log(claims.value.sub);
 */
export async function verifyIssuedToken(
  ctx: MintContext,
  token: string,
  nowMs: number,
): Promise<Result<TokenClaims, OAuthError>> {
  const invalid = err(oauthError('invalid_token'));
  if (token.length > 16384) return invalid;
  try {
    const header = decodeProtectedHeader(token);
    const currentDate = new Date(nowMs);
    let payload: JWTPayload;
    if (header.alg === 'HS256') {
      const aud = decodeJwt(token).aud;
      const clientId = Array.isArray(aud) ? aud[0] : aud;
      const key = clientId === undefined ? undefined : ctx.clientKeys.get(clientId);
      if (!key) return invalid;
      ({ payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ctx.issuer,
        audience: clientId,
        currentDate,
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } else {
      // An unknown kid may be a key another instance just rotated in; resolve reloads (rate-limited).
      const key = header.kid === undefined ? undefined : await ctx.keyRing.resolve(header.kid);
      if (!key || header.alg !== key.alg) return invalid;
      ({ payload } = await jwtVerify(token, key.publicKey, {
        algorithms: [key.alg],
        issuer: ctx.issuer,
        currentDate,
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    }
    if (typeof payload.sub !== 'string') return invalid;
    return ok(payload as TokenClaims);
  } catch {
    return invalid;
  }
}
