import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { fullProfile } from '../tokens/profile-claims.js';
import { accessTokenAudience } from '../tokens/mint-access-token.js';
import { verifyAccessToken, type TokenClaims } from '../tokens/verify-access-token.js';
import { verifyIdToken } from '../tokens/verify-id-token.js';
import { ok, type Result } from '../util/result.js';
import { missing, readStringParams } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';

/**
 * The bearer token of an `Authorization` header, if it has the `Bearer` scheme.
 *
 * @example bearerToken({ authorization: 'Bearer abc' }); // 'abc'
 */
export function bearerToken(headers: OAuthRequest['headers']): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

async function profileFor(ctx: HandlerContext, claims: Result<TokenClaims, OAuthError>, withSub = false) {
  if (!claims.ok) return undefined;
  const user = await ctx.deps.users.findById(claims.value.sub);
  return user && !user.blocked ? fullProfile(user, withSub) : undefined;
}

/**
 * `POST /tokeninfo` `{id_token}` (or `GET /tokeninfo?id_token=`): the full profile of the token's user. Only an id_token (single
 * audience, one of our clients) will do; an access token is 401.
 *
 * @example await handleTokenInfo(ctx, request); // 200 {"user_id":"auth0|…","email":…,"identities":[…]}
 */
export async function handleTokenInfo(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  // `GET /tokeninfo?id_token=` (Lock 10's getProfile, auth0.js v7) reads the query instead.
  const body = request.method === 'GET' ? ok(Object.fromEntries(new URLSearchParams(request.query ?? ''))) : parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, ['id_token'], { id_token: 16384 });
  if (!read.ok) return errorResponse(read.error);
  if (!read.value.id_token) return errorResponse(missing('id_token').error);
  const profile = await profileFor(ctx, await verifyIdToken(ctx.mint, read.value.id_token, ctx.deps.clock.now()));
  return profile ? jsonResponse(200, profile) : errorResponse(oauthError('invalid_token'));
}

/**
 * `GET /userinfo` (or `POST`, as auth0.js v7 sends it) with `Authorization: Bearer <access_token>`: the profile with `sub`. Only an access
 * token for the userinfo audience will do (`typ: at+jwt`, server-signed); an id_token is 401.
 *
 * @example await handleUserInfo(ctx, request); // 200 {"sub":"auth0|…","email":…}
 */
export async function handleUserInfo(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const token = bearerToken(request.headers);
  if (!token) return errorResponse(oauthError('invalid_token', 'missing bearer token'));
  const claims = await verifyAccessToken(ctx.mint, token, ctx.deps.clock.now(), { audience: accessTokenAudience(ctx.mint.issuer) });
  const profile = await profileFor(ctx, claims, true);
  return profile ? jsonResponse(200, profile) : errorResponse(oauthError('invalid_token'));
}
