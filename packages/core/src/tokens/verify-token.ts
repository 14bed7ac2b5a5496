import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import type { MintContext } from './mint-tokens.js';

/** The verified claims of a token this server issued. */
export type TokenClaims = JWTPayload & { sub: string };

/** What a protected route requires of a token beyond being ours and unexpired. */
export interface TokenRequirements {
  /** An API identifier (or any audience) the token's `aud` must include; else 401 `invalid_token`. */
  readonly audience?: string;
  /** Scope words the token's `scope` must all carry; else 403 `insufficient_scope`. */
  readonly scopes?: readonly string[];
}

/** Seconds of clock skew tolerated when checking `exp`/`iat`. */
const CLOCK_TOLERANCE_S = 30;

/**
 * Verifies a token this server issued: RS256/ES256/EdDSA by `kid` against the key ring, HS256 by the
 * audience client's secret. The issuer must be ours; `requirements` can demand an audience and
 * scopes (what `requireAuth`/`authenticate` pass). Never throws for a bad token.
 *
 * @example
 * const claims = await verifyIssuedToken(ctx, bearer, Date.now());
 * if (claims.ok) console.log(claims.value.sub);
 * await verifyIssuedToken(ctx, bearer, Date.now(), { audience: 'https://api.example.com/', scopes: ['read:notes'] });
 */
export async function verifyIssuedToken(
  ctx: MintContext,
  token: string,
  nowMs: number,
  requirements: TokenRequirements = {},
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
    return checkTokenRequirements(payload as TokenClaims, requirements);
  } catch {
    return invalid;
  }
}

/**
 * Whether verified claims meet a protected route's requirements: the audience among `aud` (else
 * 401 `invalid_token`), every scope word in `scope` (else 403 `insufficient_scope`); without an
 * audience requirement, a `client_credentials` token (no user) is refused with 401 `invalid_token`. The one check
 * behind `verifyToken`'s requirements and the adapters' `requireAuth`/`authenticate`.
 *
 * @example checkTokenRequirements(claims, { audience: 'https://api.example.com/', scopes: ['read:notes'] });
 */
export function checkTokenRequirements(claims: TokenClaims, requirements: TokenRequirements): Result<TokenClaims, OAuthError> {
  // A machine's token (`sub` `{client_id}@clients`) names no user: it is only good where its API is required.
  if (requirements.audience === undefined && claims.gty === 'client-credentials') {
    return err(oauthError('invalid_token', 'a client_credentials token is accepted only where its API audience is required'));
  }
  if (requirements.audience !== undefined) {
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(requirements.audience)) return err(oauthError('invalid_token', 'the token is not for this audience'));
  }
  if (requirements.scopes && requirements.scopes.length > 0) {
    const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    const lacking = requirements.scopes.filter((s) => !granted.includes(s));
    if (lacking.length > 0) return err(oauthError('insufficient_scope', `the token lacks the scope ${lacking.join(' ')}`));
  }
  return ok(claims);
}
