import { auditOrigin } from '../../audit/audit-origin.js';
import { emitAudit } from '../../audit/emit-audit.js';
import { refreshExchangeEvent } from '../../audit/token-events.js';
import type { ClientConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import { errorResponse, jsonResponse } from '../../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../../http/types.js';
import { completeLogin } from '../../tokens/complete-login.js';
import { redeemRefreshToken } from '../../tokens/redeem-refresh-token.js';
import { err, ok } from '../../util/result.js';
import { missing } from '../../validation/read-params.js';
import { parseScope } from '../../validation/validate-ro-request.js';
import type { HandlerContext } from '../context.js';
import { apiScope, resolveApi } from './respond-user-tokens.js';
import type { TokenParams } from './token-params.js';
import { accessTokenLifetime } from '../../tokens/mint-tokens.js';

/**
 * `grant_type=refresh_token` (RFC 6749 §6) for an authenticated client: the refresh token is
 * redeemed (and rotated, for rotating clients: the successor comes back as `refresh_token`), and a
 * new access token (plus id_token under `openid`) is minted for the token's scope, or a narrower
 * `scope` if asked, and for the API the login named with `audience` (of the scope, only what the
 * API still defines; an API removed since answers 403 `Service not found`, as a login for it would).
 * Audit `sertft`/`fertft`.
 *
 * @example await grantRefreshToken(ctx, request, client, { refresh_token });
 */
export async function grantRefreshToken(
  ctx: HandlerContext,
  request: OAuthRequest,
  client: ClientConfig,
  p: TokenParams,
): Promise<OAuthResponse> {
  const origin = auditOrigin(request, { client_id: client.client_id });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, refreshExchangeEvent(origin, err(error)));
    return errorResponse(error);
  };
  if (!p.refresh_token) return refuse(missing('refresh_token').error);

  const redeemed = await redeemRefreshToken(ctx.deps, client, p.refresh_token, { rotate: true, invalidCode: 'invalid_refresh_grant' });
  if (!redeemed.ok) return refuse(redeemed.error);
  const granted = parseScope(redeemed.value.record.scope);
  const scope = p.scope === undefined ? granted : parseScope(p.scope);
  if (scope.some((word) => !granted.includes(word))) return refuse(oauthError('invalid_scope'));
  const api = resolveApi(ctx, redeemed.value.record.audience);
  if (!api.ok) return refuse(api.error);
  const accessScope = apiScope(api.value, scope);

  const successor = redeemed.value.refresh_token;
  const tokens = await completeLogin(ctx.deps, ctx.mint, {
    client,
    user: redeemed.value.user,
    scope,
    protocol: 'oauth2-refresh-token',
    request,
    refreshToken: async () => successor,
    ...(api.value ? { access: { api: api.value, scope: accessScope } } : {}),
  });
  if (!tokens.ok) return refuse(tokens.error);
  emitAudit(ctx.deps, refreshExchangeEvent(origin, ok({ user_id: redeemed.value.user.user_id })));
  return jsonResponse(200, {
    ...tokens.value,
    token_type: 'Bearer',
    expires_in: accessTokenLifetime(client, api.value),
    scope: accessScope.join(' '),
  });
}
