import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { delegationEvent } from '../audit/token-events.js';
import { authenticateClient } from '../config/authenticate-client.js';
import { mayDelegate } from '../config/may-delegate.js';
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
import { verifyIdToken } from '../tokens/verify-id-token.js';
import { err, ok, type Result } from '../util/result.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { missing, readStringParams } from '../validation/read-params.js';
import { JWT_BEARER_GRANT, parseScope } from '../validation/validate-ro-request.js';
import type { HandlerContext } from './context.js';

const PARAMS = ['client_id', 'client_secret', 'grant_type', 'refresh_token', 'id_token', 'target', 'api_type', 'scope'] as const;

/** Registered claims of an id_token, which `scope=passthrough` does not carry over as scope words. */
const REGISTERED = new Set(['iss', 'sub', 'aud', 'iat', 'exp', 'nbf', 'jti', 'azp', 'typ', 'auth_time', 'nonce']);

/** The user behind an id_token this server issued to `client_id` (its single audience), and the claims it carried. */
async function userOfIdToken(
  ctx: HandlerContext,
  client_id: string,
  id_token: string,
): Promise<Result<{ user: UserRecord; claims: readonly string[] }, OAuthError>> {
  const claims = await verifyIdToken(ctx.mint, id_token, ctx.deps.clock.now(), { client_id });
  if (!claims.ok) return claims;
  const user = await ctx.deps.users.findById(claims.value.sub);
  if (!user) return err(oauthError('invalid_token'));
  if (user.blocked) return err(oauthError('unauthorized', 'user is blocked'));
  return ok({ user, claims: Object.keys(claims.value).filter((name) => !REGISTERED.has(name)) });
}

/**
 * `POST /delegation` (Auth0's request shape): a `refresh_token` or an `id_token` of `client_id`
 * exchanged for a fresh id_token for `target` (default: the same client), claims shaped by `scope`
 * (default `openid`). `api_type=app` is served, and `api_type=auth0` with `scope=passthrough`
 * (auth0.js v7 `renewIdToken`/`refreshToken`), which renews for the same client with the claims the
 * presented token had (id_token) or was granted (refresh token); other add-ons are 400.
 *
 * A client other than the target must be listed in the target's `allowed_clients` (403
 * `unauthorized_client`); a confidential client (`token_endpoint_auth_method` other than `none`)
 * authenticates to redeem its refresh token, as at `/oauth/token` (401 `invalid_client`). An unknown,
 * revoked or expired refresh token is 403 `access_denied` `Unknown or invalid refresh token`.
 * Rotating clients must refresh at `/oauth/token`, which can hand back the successor; this response
 * has no room for it.
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
  const passthrough = apiType === 'auth0' && p.scope === 'passthrough';
  if (apiType !== 'app' && !passthrough) {
    return errorResponse(oauthError('invalid_parameter', `api_type ${apiType.slice(0, 50)} is not supported${apiType === 'auth0' ? ' except with scope=passthrough' : ''}`));
  }
  if (passthrough && p.target !== undefined && p.target !== p.client_id) {
    return errorResponse(oauthError('invalid_parameter', 'api_type=auth0 renews the id_token of the same client: target must be client_id'));
  }

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
  if (!mayDelegate(client.value, target)) {
    return refuse(oauthError('unauthorized_client', `client ${client.value.client_id.slice(0, 100)} may not delegate to ${target.client_id.slice(0, 100)} (not in its allowed_clients)`));
  }

  let user: Result<UserRecord, OAuthError>;
  let granted: readonly string[];
  if (p.refresh_token) {
    if (refreshTokenPolicyOf(client.value).rotation_type === 'rotating') {
      return refuse(oauthError('access_denied', 'this client rotates refresh tokens; refresh at /oauth/token'));
    }
    // A confidential client's refresh token needs the client's secret, here as at /oauth/token.
    const authenticated = authenticateClient(ctx.index, { ...p, authorization: request.headers.authorization });
    if (!authenticated.ok) return refuse(authenticated.error);
    const redeemed = await redeemRefreshToken(ctx.deps, client.value, p.refresh_token, { rotate: false, invalidCode: 'invalid_refresh_token' });
    user = redeemed.ok ? ok(redeemed.value.user) : redeemed;
    granted = redeemed.ok ? parseScope(redeemed.value.record.scope) : [];
  } else {
    const found = await userOfIdToken(ctx, client.value.client_id, p.id_token!);
    user = found.ok ? ok(found.value.user) : found;
    granted = found.ok ? found.value.claims : [];
  }
  if (!user.ok) return refuse(user.error);
  const scope = (passthrough ? [...granted] : parseScope(p.scope ?? 'openid')).filter((word) => word !== 'offline_access');
  if (!scope.includes('openid')) scope.unshift('openid');

  const id_token = await mintIdToken(ctx.mint, target, user.value, scope, ctx.deps.clock.now());
  emitAudit(ctx.deps, delegationEvent(origin, ok({ user_id: user.value.user_id }), target.client_id));
  return jsonResponse(200, { id_token, token_type: 'Bearer', expires_in: target.jwt_configuration.lifetime_in_seconds });
}
