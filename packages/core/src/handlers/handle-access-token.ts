import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { loginEvent } from '../audit/login-event.js';
import { clientAllowsGrant, GRANT } from '../config/grant-types.js';
import { resolveClient, resolveConnection } from '../config/resolve-client.js';
import { grantNotAllowed } from '../errors/grant-not-allowed.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { findOrCreateSocialUser } from '../social/find-or-create-social-user.js';
import { verifySocialToken } from '../social/verify-social-token.js';
import { issueRefreshToken } from '../tokens/issue-refresh-token.js';
import { completeLogin } from '../tokens/complete-login.js';
import { err, ok } from '../util/result.js';
import { missing, readStringParams } from '../validation/read-params.js';
import { parseScope } from '../validation/validate-ro-request.js';
import type { HandlerContext } from './context.js';

const PARAMS = ['client_id', 'access_token', 'connection', 'scope', 'device'] as const;

/**
 * `POST /oauth/access_token` (Auth0's legacy social exchange for native apps: Auth0.swift/Android
 * 1.x, auth0.js v7 `loginWithSocialAccessToken`): a provider access token of a `facebook` or
 * `google-oauth2` connection, verified with the provider (app and audience checked), for tokens
 * minted as on `/oauth/ro`. The user is found or created as `{strategy}|{provider id}`.
 *
 * @example await handleAccessToken(ctx, request); // 200 {"access_token":"…","id_token":"…","token_type":"bearer"}
 */
export async function handleAccessToken(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, PARAMS, { access_token: 4096 });
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  if (!p.client_id) return errorResponse(missing('client_id').error);
  if (!p.access_token) return errorResponse(missing('access_token').error);
  if (!p.connection) return errorResponse(missing('connection').error);

  let origin = auditOrigin(request, { client_id: p.client_id, connection: p.connection });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, loginEvent(origin, err(error)));
    return errorResponse(error);
  };
  const client = resolveClient(ctx.index, p.client_id);
  if (!client.ok) return refuse(client.error);
  if (!clientAllowsGrant(ctx.index.config, client.value, GRANT.legacyAccessToken)) return refuse(grantNotAllowed(GRANT.legacyAccessToken));
  const connection = resolveConnection(ctx.index, client.value, p.connection);
  if (!connection.ok) return refuse(connection.error);
  origin = { ...origin, strategy: connection.value.strategy };
  if (connection.value.strategy !== 'facebook' && connection.value.strategy !== 'google-oauth2') return refuse(oauthError('unsupported_operation'));

  const identity = await verifySocialToken(connection.value, { token: p.access_token }, ctx.deps.clock.now());
  const user = identity.ok ? await findOrCreateSocialUser(ctx.deps, connection.value, identity.value) : identity;
  if (!user.ok) return refuse(user.error);
  const scope = parseScope(p.scope);
  const loggedIn = user.value;
  const tokens = await completeLogin(ctx.deps, ctx.mint, {
    client: client.value,
    connection: connection.value,
    user: loggedIn,
    scope,
    protocol: 'oauth2-access-token',
    request,
    refreshToken: () => issueRefreshToken(ctx.deps, client.value, loggedIn, scope, p.device),
  });
  if (!tokens.ok) return refuse(tokens.error);
  emitAudit(ctx.deps, loginEvent(origin, ok(loggedIn)));
  return jsonResponse(200, tokens.value);
}
