import { SignJWT } from 'jose';
import type { ClientConfig, ResourceServerConfig } from '../config/types.js';
import type { UserRecord } from '../ports/user-store.js';
import type { KeyRing } from './key-ring.js';
import { scopedClaims } from './profile-claims.js';
import { accessTokenAudience, mintAccessToken } from './mint-access-token.js';
import { inSpan } from '../tracing/tracer.js';

/** What `/oauth/ro` returns on success (docs/spec.md §3). */
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
  return inSpan('sign id_token', { 'oauth_ro.jwt.alg': alg }, () => {
    const jwt = new SignJWT(claims);
    if (alg === 'HS256') {
      const key = ctx.clientKeys.get(client.client_id);
      if (!key) throw new Error(`client ${client.client_id} has no HS256 key`);
      return jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    }
    const signer = ctx.keyRing.signer(alg);
    if (!signer) throw new Error(`no active ${alg} signing key`);
    return jwt.setProtectedHeader({ alg, kid: signer.kid, typ: 'JWT' }).sign(signer.privateKey);
  });
}

/**
 * Seconds an access token lives: the API's `token_lifetime`, else the client's JWT lifetime.
 *
 * @example accessTokenLifetime(client, api); // 86400
 */
export function accessTokenLifetime(client: ClientConfig, api?: ResourceServerConfig): number {
  return api?.token_lifetime ?? client.jwt_configuration.lifetime_in_seconds;
}

/** What an access token is for, beyond the default (`aud` = userinfo, the client's lifetime). */
export interface AccessTokenOptions {
  /** The API the token is for: `aud` gets its identifier (before userinfo) and the lifetime is the API's. */
  readonly api?: ResourceServerConfig;
  /** Auth0's `gty` claim: the grant that issued the token (`password`, `client-credentials`). */
  readonly gty?: string;
}

/**
 * An access token of `client` for `sub` through {@link mintAccessToken} (the one place access tokens
 * are signed: the server's RS256 key, `typ: at+jwt`): `aud` the userinfo endpoint, preceded by the
 * API's identifier when the token is for an API (a `client_credentials` token has the API alone: it
 * has no user to ask about); the API's lifetime, else the client's; Auth0's `gty` when given.
 *
 * @example
 * const { access_token, expires_in } = await mintClientAccessToken(ctx, client, 'auth0|1', ['openid'], Date.now());
 */
export async function mintClientAccessToken(
  ctx: MintContext,
  client: ClientConfig,
  sub: string,
  scope: readonly string[],
  nowMs: number,
  options: AccessTokenOptions & { readonly userinfo?: boolean; readonly claims?: Readonly<Record<string, unknown>> } = {},
): Promise<{ access_token: string; expires_in: number }> {
  const expires_in = accessTokenLifetime(client, options.api);
  const userinfo = options.userinfo ?? true;
  const audiences = [
    ...(options.api ? [options.api.identifier] : []),
    ...(userinfo ? [accessTokenAudience(ctx.issuer)] : []),
  ];
  const extra = { ...options.claims, ...(options.gty === undefined ? {} : { gty: options.gty }) };
  const access_token = await mintAccessToken(
    ctx,
    { sub, client_id: client.client_id, scope, lifetime_in_seconds: expires_in, audience: audiences.length === 1 ? audiences[0]! : audiences, extra },
    nowMs,
  );
  return { access_token, expires_in };
}

/**
 * Signs the id_token (client's algorithm and lifetime, claims shaped by scope) and the access token
 * ({@link mintClientAccessToken}: always the server's RS256 key, `typ: at+jwt`, so `/userinfo` and
 * host apps verify it from JWKS alone and no id_token passes for one; `access` names its API and grant;
 * `access.extra` holds a post-login step's custom claims, which never replace the registered ones).
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
  access: AccessTokenOptions & {
    readonly scope?: readonly string[];
    /** The id_token's `nonce` (OpenID Connect: what the browser sent with the login, echoed). */
    readonly nonce?: string;
    /** Custom claims from a post-login step; the registered claims always win. */
    readonly extra?: { readonly idToken?: Readonly<Record<string, unknown>>; readonly accessToken?: Readonly<Record<string, unknown>> };
  } = {},
): Promise<TokenSet> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + client.jwt_configuration.lifetime_in_seconds;
  const extra = access.extra ?? {};
  const accessToken = mintClientAccessToken(ctx, client, user.user_id, access.scope ?? scope, nowMs, {
    ...(access.api ? { api: access.api } : {}),
    ...(access.gty === undefined ? {} : { gty: access.gty }),
    ...(extra.accessToken ? { claims: extra.accessToken } : {}),
  });
  const refresh = refresh_token === undefined ? {} : { refresh_token };
  if (!scope.includes('openid')) return { access_token: (await accessToken).access_token, token_type: 'bearer', ...refresh };
  const idClaims = {
    ...extra.idToken,
    ...scopedClaims(user, scope),
    iss: ctx.issuer,
    sub: user.user_id,
    aud: client.client_id,
    iat,
    exp,
    ...(access.nonce === undefined ? {} : { nonce: access.nonce }),
  };
  // Both signatures at once: two jobs on the crypto thread pool, one wake-up of the event loop less.
  const [{ access_token }, id_token] = await Promise.all([accessToken, signClaims(ctx, client, idClaims, client.jwt_configuration.alg)]);
  return { access_token, id_token, token_type: 'bearer', ...refresh };
}
