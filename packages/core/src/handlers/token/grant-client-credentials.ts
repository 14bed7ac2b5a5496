import { auditOrigin } from '../../audit/audit-origin.js';
import { emitAudit } from '../../audit/emit-audit.js';
import { clientCredentialsEvent } from '../../audit/token-events.js';
import { authMethodOf } from '../../config/authenticate-client.js';
import { GRANT } from '../../config/grant-types.js';
import type { ClientConfig } from '../../config/types.js';
import { grantNotAllowed } from '../../errors/grant-not-allowed.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import { errorResponse, jsonResponse } from '../../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../../http/types.js';
import { mintClientAccessToken } from '../../tokens/mint-tokens.js';
import { err, ok } from '../../util/result.js';
import { parseScope } from '../../validation/validate-ro-request.js';
import type { HandlerContext } from '../context.js';
import { resolveApi } from './respond-user-tokens.js';
import type { TokenParams } from './token-params.js';

/**
 * `grant_type=client_credentials`: a confidential client (already authenticated) gets an access
 * token for the API of `audience`, if a client grant gives it that API, with the requested scopes
 * (default: every scope granted) — `sub` `{client_id}@clients`, `aud` the API alone, `gty`
 * `client-credentials`. Audit `seccft`/`feccft`.
 *
 * @example await grantClientCredentials(ctx, request, client, { audience: 'https://api.example.com/' });
 */
export async function grantClientCredentials(
  ctx: HandlerContext,
  request: OAuthRequest,
  client: ClientConfig,
  p: TokenParams,
): Promise<OAuthResponse> {
  const origin = auditOrigin(request, { client_id: client.client_id });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, clientCredentialsEvent(origin, err(error)));
    return errorResponse(error);
  };
  // A public client has no secret to prove who it is.
  if (authMethodOf(client) === 'none') return refuse(grantNotAllowed(GRANT.clientCredentials));
  if (p.audience === undefined) {
    return refuse(oauthError('access_denied', 'No audience parameter was provided, and no default audience has been configured'));
  }
  const api = resolveApi(ctx, p.audience);
  if (!api.ok) return refuse(api.error);
  const grant = (ctx.index.config.client_grants ?? []).find((g) => g.client_id === client.client_id && g.audience === p.audience);
  if (!grant || !api.value) {
    return refuse(
      oauthError('access_denied', `Client is not authorized to access "${p.audience.slice(0, 200)}". You need to create a "client-grant" associated to this API.`),
    );
  }
  const requested = p.scope === undefined ? [...grant.scope] : parseScope(p.scope);
  const lacking = requested.filter((s) => !grant.scope.includes(s));
  if (lacking.length > 0) return refuse(oauthError('access_denied', `Client has not been granted scopes: ${lacking.join(', ').slice(0, 500)}`));

  const { access_token, expires_in } = await mintClientAccessToken(ctx.mint, client, `${client.client_id}@clients`, requested, ctx.deps.clock.now(), {
    api: api.value,
    gty: 'client-credentials',
    userinfo: false,
  });
  emitAudit(ctx.deps, clientCredentialsEvent(origin, ok({ audience: api.value.identifier })));
  return jsonResponse(200, { access_token, scope: requested.join(' '), expires_in, token_type: 'Bearer' });
}
