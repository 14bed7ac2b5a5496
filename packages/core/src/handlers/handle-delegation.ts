import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { delegationEvent } from '../audit/token-events.js';
import { clientAllowsGrant, GRANT } from '../config/grant-types.js';
import { resolveClient } from '../config/resolve-client.js';
import { grantNotAllowed } from '../errors/grant-not-allowed.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { UserRecord } from '../ports/user-store.js';
import { mintIdToken } from '../tokens/mint-id-token.js';
import { redeemRefreshToken } from '../tokens/redeem-refresh-token.js';
import { refreshTokenPolicyOf } from '../tokens/refresh-token-policy.js';
import { verifyIssuedToken } from '../tokens/verify-token.js';
import { err, ok, type Result } from '../util/result.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { missing, readStringParams } from '../validation/read-params.js';
import { JWT_BEARER_GRANT, parseScope } from '../validation/validate-ro-request.js';
import type { HandlerContext } from './context.js';

const PARAMS = ['client_id', 'grant_type', 'refresh_token', 'id_token', 'target', 'api_type', 'scope'] as const;

/** The user behind an id_token this server issued to `client_id`. */
async function userOfIdToken(ctx: HandlerContext, client_id: string, id_token: string): Promise<Result<UserRecord, OAuthError>> {
  const claims = await verifyIssuedToken(ctx.mint, id_token, ctx.deps.clock.now());
  if (!claims.ok) return claims;
  const aud = claims.value.aud;
  if (!(Array.isArray(aud) ? aud : [aud]).includes(client_id)) {
    return err(oauthError('invalid_token', 'the id_token was not issued to this client'));
  }
  const user = await ctx.deps.users.findById(claims.value.sub);
  if (!user) return err(oauthError('invalid_token'));
  return user.blocked ? err(oauthError('unauthorized', 'user is blocked')) : ok(user);
}

/**
 * `POST /delegation` (Auth0's request shape): a `refresh_token` or an `id_token` of `client_id`
 * exchanged for a fresh id_token for `target` (default: the same client), claims shaped by `scope`
 * (default `openid`). Only `api_type=app` is served. An unknown, revoked or expired refresh token
 * is 403 `access_denied` `Unknown or invalid refresh token`. Rotating clients must refresh at
 * `/oauth/token`, which can hand back the successor; this response has no room for it.
 *
 * @example
 * await handleDelegation(ctx, request); // 200 {"id_token":"…","token_type":"Bearer","expires_in":36000}
 */
export async function handleDelegation(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, PARAMS, { id_token: 16384 });
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  if (!p.client_id) return errorResponse(missing('client_id').error);
  if (!p.grant_type) return errorResponse(missing('grant_type').error);
  if (p.grant_type !== JWT_BEARER_GRANT) {
    return errorResponse(oauthError('unsupported_grant_type', `grant type ${p.grant_type.slice(0, 100)} is not supported`));
  }
  if (!p.refresh_token && !p.id_token) return errorResponse(missing('refresh_token or id_token').error);
  if (p.refresh_token && p.id_token) {
    return errorResponse(oauthError('invalid_parameter', 'id_token and refresh_token cannot be sent together'));
  }
  const apiType = p.api_type ?? 'app';
  if (apiType !== 'app') return errorResponse(oauthError('invalid_parameter', `api_type ${apiType.slice(0, 50)} is not supported`));

  const origin = auditOrigin(request, { client_id: p.client_id });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, delegationEvent(origin, err(error)));
    return errorResponse(error);
  };
  const client = resolveClient(ctx.index, p.client_id);
  if (!client.ok) return refuse(client.error);
  const legacyGrant = p.refresh_token ? GRANT.legacyDelegationRefreshToken : GRANT.legacyDelegationIdToken;
  if (!clientAllowsGrant(ctx.index.config, client.value, legacyGrant)) return refuse(grantNotAllowed(legacyGrant));
  const target = ctx.index.clients.get(p.target ?? p.client_id);
  if (!target) return refuse(oauthError('invalid_parameter', 'target is not a known client'));
  const scope = parseScope(p.scope ?? 'openid').filter((word) => word !== 'offline_access');
  if (!scope.includes('openid')) scope.unshift('openid');

  let user: Result<UserRecord, OAuthError>;
  if (p.refresh_token) {
    if (refreshTokenPolicyOf(client.value).rotation_type === 'rotating') {
      return refuse(oauthError('access_denied', 'this client rotates refresh tokens; refresh at /oauth/token'));
    }
    const redeemed = await redeemRefreshToken(ctx.deps, client.value, p.refresh_token, { rotate: false, invalidCode: 'invalid_refresh_token' });
    user = redeemed.ok ? ok(redeemed.value.user) : redeemed;
  } else {
    user = await userOfIdToken(ctx, client.value.client_id, p.id_token!);
  }
  if (!user.ok) return refuse(user.error);

  const id_token = await mintIdToken(ctx.mint, target, user.value, scope, ctx.deps.clock.now());
  emitAudit(ctx.deps, delegationEvent(origin, ok({ user_id: user.value.user_id }), target.client_id));
  return jsonResponse(200, { id_token, token_type: 'Bearer', expires_in: target.jwt_configuration.lifetime_in_seconds });
}
