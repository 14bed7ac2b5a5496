import { SignJWT } from 'jose';
import { inSpan } from '../tracing/tracer.js';
import { ACCESS_TOKEN_RULES } from './access-token-rules.js';
import type { MintContext } from './mint-tokens.js';

/** What an access token says; see {@link mintAccessToken}. */
export interface AccessTokenGrant {
  /** The user (or, for a client acting for itself, `<client_id>@clients`). */
  readonly sub: string;
  /** The client the token was issued to (`client_id` and `azp`). */
  readonly client_id: string;
  readonly scope: readonly string[];
  readonly lifetime_in_seconds: number;
  /** `aud`; default the issuer's userinfo endpoint ({@link accessTokenAudience}). */
  readonly audience?: string | readonly string[];
  /** Further claims; they cannot replace the ones above. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The audience of access tokens for `/userinfo`: the issuer's userinfo endpoint, as Auth0 did.
 *
 * @example accessTokenAudience('https://auth.example.com/'); // 'https://auth.example.com/userinfo'
 */
export function accessTokenAudience(issuer: string): string {
  return `${issuer}userinfo`;
}

/**
 * The one place access tokens are signed (every grant calls it): always with the server's active
 * RS256 key, never a client's secret, header `typ: at+jwt` (RFC 9068) so that no id_token can pass
 * for one, and `client_id` (plus the legacy `azp`) naming the client. See {@link ACCESS_TOKEN_RULES}.
 *
 * @example
 * const access_token = await mintAccessToken(mint, { sub: user.user_id, client_id: 'AbC', scope: ['openid'], lifetime_in_seconds: 36000 }, Date.now());
 */
export async function mintAccessToken(ctx: MintContext, grant: AccessTokenGrant, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  const signer = ctx.keyRing.signer('RS256');
  if (!signer) throw new Error('no active RS256 signing key');
  const claims = {
    ...grant.extra,
    iss: ctx.issuer,
    sub: grant.sub,
    aud: typeof grant.audience === 'object' ? [...grant.audience] : (grant.audience ?? accessTokenAudience(ctx.issuer)),
    azp: grant.client_id,
    client_id: grant.client_id,
    scope: grant.scope.join(' '),
    iat,
    exp: iat + grant.lifetime_in_seconds,
  };
  return inSpan('sign access_token', { 'oauth_ro.jwt.alg': signer.alg }, () =>
    new SignJWT(claims).setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: ACCESS_TOKEN_RULES.typ }).sign(signer.privateKey),
  );
}
