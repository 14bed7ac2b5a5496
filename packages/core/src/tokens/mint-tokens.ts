import { SignJWT } from 'jose';
import type { ClientConfig } from '../config/types.js';
import type { UserRecord } from '../ports/user-store.js';
import type { KeyRing } from './key-ring.js';
import { scopedClaims } from './profile-claims.js';
import { mintAccessToken } from './mint-access-token.js';

/** What `/oauth/ro` returns on success (SPEC §3). */
export interface TokenSet {
  access_token: string;
  id_token?: string;
  token_type: 'bearer';
  refresh_token?: string;
}

/** Everything minting needs that is fixed for the life of the server. */
export interface MintContext {
  readonly issuer: string;
  readonly keyRing: KeyRing;
  /** HS256 keys by client_id, derived once. */
  readonly clientKeys: ReadonlyMap<string, Uint8Array>;
  /** Every configured client_id: an id_token's audience must be one of them. */
  readonly clientIds: ReadonlySet<string>;
}

/**
 * Signs claims for a client: HS256 with its secret, otherwise with the key ring's active key of `alg`.
 *
 * @example await signClaims(ctx, client, { sub: 'auth0|1' }, client.jwt_configuration.alg);
 */
export async function signClaims(
  ctx: MintContext,
  client: ClientConfig,
  claims: Record<string, unknown>,
  alg: ClientConfig['jwt_configuration']['alg'],
): Promise<string> {
  const jwt = new SignJWT(claims);
  if (alg === 'HS256') {
    const key = ctx.clientKeys.get(client.client_id);
    if (!key) throw new Error(`client ${client.client_id} has no HS256 key`);
    return jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
  }
  const signer = ctx.keyRing.signer(alg);
  if (!signer) throw new Error(`no active ${alg} signing key`);
  return jwt.setProtectedHeader({ alg, kid: signer.kid, typ: 'JWT' }).sign(signer.privateKey);
}

/**
 * Signs the id_token (client's algorithm and lifetime, claims shaped by scope) and the access token
 * ({@link mintAccessToken}: always the server's RS256 key, `typ: at+jwt`, so `/userinfo` and host
 * apps verify it from JWKS alone and no id_token passes for one).
 *
 * A `refresh_token`, when given, is passed through (it is opaque and stored elsewhere).
 *
 * @example
 * const tokens = await mintTokens(ctx, client, user, ['openid', 'email'], Date.now());
 */
export async function mintTokens(
  ctx: MintContext,
  client: ClientConfig,
  user: UserRecord,
  scope: readonly string[],
  nowMs: number,
  refresh_token?: string,
  /** Custom claims from a post-login step; the registered claims below always win. */
  extra: { readonly idToken?: Readonly<Record<string, unknown>>; readonly accessToken?: Readonly<Record<string, unknown>> } = {},
): Promise<TokenSet> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + client.jwt_configuration.lifetime_in_seconds;
  const access_token = await mintAccessToken(
    ctx,
    { sub: user.user_id, client_id: client.client_id, scope, lifetime_in_seconds: client.jwt_configuration.lifetime_in_seconds, ...(extra.accessToken ? { extra: extra.accessToken } : {}) },
    nowMs,
  );
  const refresh = refresh_token === undefined ? {} : { refresh_token };
  if (!scope.includes('openid')) return { access_token, token_type: 'bearer', ...refresh };
  const idClaims = {
    ...extra.idToken,
    ...scopedClaims(user, scope),
    iss: ctx.issuer,
    sub: user.user_id,
    aud: client.client_id,
    iat,
    exp,
  };
  const id_token = await signClaims(ctx, client, idClaims, client.jwt_configuration.alg);
  return { access_token, id_token, token_type: 'bearer', ...refresh };
}
