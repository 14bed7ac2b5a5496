import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { refreshExchangeEvent } from '../audit/token-events.js';
import { authenticateClient } from '../config/authenticate-client.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { completeLogin } from '../tokens/complete-login.js';
import { redeemRefreshToken } from '../tokens/redeem-refresh-token.js';
import { err, ok } from '../util/result.js';
import { missing, readStringParams } from '../validation/read-params.js';
import { parseScope } from '../validation/validate-ro-request.js';
import type { HandlerContext } from './context.js';

const PARAMS = ['grant_type', 'client_id', 'client_secret', 'refresh_token', 'scope'] as const;

/**
 * `POST /oauth/token` with `grant_type=refresh_token` (RFC 6749 §6), for clients newer than
 * `/delegation`: the client authenticates (confidential clients with their secret, in the body or
 * HTTP Basic), the refresh token is redeemed (and rotated, for rotating clients: the successor comes
 * back as `refresh_token`), and a new access token (plus id_token under `openid`) is minted for the
 * token's scope, or a narrower `scope` if asked.
 *
 * @example
 * await handleToken(ctx, request); // 200 {"access_token":"…","id_token":"…","token_type":"Bearer","expires_in":36000}
 */
export async function handleToken(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, PARAMS);
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  if (!p.grant_type) return errorResponse(missing('grant_type').error);
  if (p.grant_type !== 'refresh_token') {
    return errorResponse(oauthError('unsupported_grant_type', `grant type ${p.grant_type.slice(0, 100)} is not supported`));
  }
  const client = authenticateClient(ctx.index, { ...p, authorization: request.headers.authorization });
  let origin = auditOrigin(request, p.client_id === undefined ? {} : { client_id: p.client_id });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, refreshExchangeEvent(origin, err(error)));
    return errorResponse(error);
  };
  if (!client.ok) return refuse(client.error);
  origin = { ...origin, client_id: client.value.client_id };
  if (!p.refresh_token) return refuse(missing('refresh_token').error);

  const redeemed = await redeemRefreshToken(ctx.deps, client.value, p.refresh_token, { rotate: true, invalidCode: 'invalid_refresh_grant' });
  if (!redeemed.ok) return refuse(redeemed.error);
  const granted = parseScope(redeemed.value.record.scope);
  const scope = p.scope === undefined ? granted : parseScope(p.scope);
  if (scope.some((word) => !granted.includes(word))) return refuse(oauthError('invalid_scope'));

  const tokens = await completeLogin(ctx.deps, ctx.mint, {
    client: client.value,
    user: redeemed.value.user,
    scope,
    protocol: 'oauth2-refresh-token',
    request,
    refreshToken: async () => redeemed.value.refresh_token,
  });
  if (!tokens.ok) return refuse(tokens.error);
  emitAudit(ctx.deps, refreshExchangeEvent(origin, ok({ user_id: redeemed.value.user.user_id })));
  return jsonResponse(200, {
    ...tokens.value,
    token_type: 'Bearer',
    expires_in: client.value.jwt_configuration.lifetime_in_seconds,
    scope: scope.join(' '),
  });
}
