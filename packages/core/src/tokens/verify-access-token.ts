import type { JWTPayload } from 'jose';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, type Result } from '../util/result.js';
import { ACCESS_TOKEN_RULES } from './access-token-rules.js';
import type { MintContext } from './mint-tokens.js';
import { verifyServerSigned } from './verify-server-signed.js';
import { checkTokenRequirements, type TokenRequirements } from './check-token-requirements.js';

/** The verified claims of a token this server issued. */
export type TokenClaims = JWTPayload & { sub: string };

/**
 * Options of {@link verifyAccessToken}: `audience` (`aud` must contain it: `<issuer>userinfo`, or
 * an API identifier) and `scopes` (each must be granted), see {@link checkTokenRequirements}.
 */
export type VerifyAccessTokenOptions = TokenRequirements;

/**
 * Verifies an access token this server issued, by {@link ACCESS_TOKEN_RULES}: `typ: at+jwt`, signed
 * with one of the server's own keys (by `kid`), our issuer, `sub` and `exp` present. An id_token, a
 * token signed with a client's secret, and anything else get 401 `invalid_token`; unmet requirements
 * (audience, scopes, a client_credentials token where no API is required) get what
 * {@link checkTokenRequirements} answers. Never throws.
 *
 * @example
 * const claims = await verifyAccessToken(mint, bearer, Date.now());
 * if (claims.ok) console.log(claims.value.sub);
 */
export async function verifyAccessToken(
  ctx: Pick<MintContext, 'issuer' | 'keyRing'>,
  token: string,
  nowMs: number,
  options: VerifyAccessTokenOptions = {},
): Promise<Result<TokenClaims, OAuthError>> {
  if (token.length > ACCESS_TOKEN_RULES.maxLength) return err(oauthError('invalid_token'));
  const verified = await verifyServerSigned(ctx.keyRing, token, {
    issuer: ctx.issuer,
    nowMs,
    typ: ACCESS_TOKEN_RULES.typ,
    ...(options.audience === undefined ? {} : { audience: options.audience }),
  });
  return verified ? checkTokenRequirements(verified, options) : err(oauthError('invalid_token'));
}
