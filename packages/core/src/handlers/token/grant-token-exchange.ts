import { auditOrigin } from '../../audit/audit-origin.js';
import { emitAudit } from '../../audit/emit-audit.js';
import { loginEvent } from '../../audit/login-event.js';
import type { ClientConfig, SocialStrategyName } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import { errorResponse, jsonResponse } from '../../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../../http/types.js';
import { findOrCreateSocialUser } from '../../social/find-or-create-social-user.js';
import { verifySocialToken } from '../../social/verify-social-token.js';
import { err, ok } from '../../util/result.js';
import { missing } from '../../validation/read-params.js';
import type { HandlerContext } from '../context.js';
import { resolveApi, userTokens } from './respond-user-tokens.js';
import type { TokenParams } from './token-params.js';

/** Auth0's subject token types of native social login, and the strategy each belongs to. */
const SUBJECT_TOKEN_TYPES: Readonly<Record<string, SocialStrategyName>> = {
  'http://auth0.com/oauth/token-type/apple-authz-code': 'apple',
  'http://auth0.com/oauth/token-type/facebook-info-session-access-token': 'facebook',
};

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:token-exchange` for native social login, as Auth0
 * serves it: a Sign in with Apple authorization code (redeemed with Apple, its ID token checked
 * against Apple's JWKS) or a Facebook session-info token (checked with Facebook), on the client's
 * enabled connection of that strategy; `user_profile` (JSON) may carry the name Apple gave the app.
 * Tokens as for the password grants; audit `s`/`f` as on `/oauth/ro`.
 *
 * @example await grantTokenExchange(ctx, request, client, { subject_token, subject_token_type });
 */
export async function grantTokenExchange(ctx: HandlerContext, request: OAuthRequest, client: ClientConfig, p: TokenParams): Promise<OAuthResponse> {
  if (!p.subject_token) return errorResponse(missing('subject_token').error);
  if (!p.subject_token_type) return errorResponse(missing('subject_token_type').error);
  const strategy = SUBJECT_TOKEN_TYPES[p.subject_token_type];
  if (!strategy) return errorResponse(oauthError('invalid_parameter', `subject_token_type ${p.subject_token_type.slice(0, 100)} is not supported`));
  let userProfile: Record<string, unknown> | undefined;
  if (p.user_profile !== undefined) {
    try {
      const parsed = JSON.parse(p.user_profile) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      userProfile = parsed as Record<string, unknown>;
    } catch {
      return errorResponse(oauthError('invalid_parameter', 'user_profile must be a JSON object'));
    }
  }
  const connection = ctx.index.config.connections.find((c) => c.strategy === strategy && c.enabled_clients.includes(client.client_id));
  let origin = auditOrigin(request, { client_id: client.client_id, ...(connection ? { connection: connection.name } : {}), strategy });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, loginEvent(origin, err(error)));
    return errorResponse(error);
  };
  if (!connection) return refuse(oauthError('connection_not_found', `no ${strategy} connection is enabled for the client`));
  origin = { ...origin, connection: connection.name };
  const api = resolveApi(ctx, p.audience);
  if (!api.ok) return refuse(api.error);

  const identity = await verifySocialToken(connection, { token: p.subject_token, ...(userProfile ? { userProfile } : {}) }, ctx.deps.clock.now());
  const user = identity.ok ? await findOrCreateSocialUser(ctx.deps, connection, identity.value) : identity;
  if (!user.ok) return refuse(user.error);
  const body = await userTokens(ctx, request, client, user.value, api.value, p, undefined, { connection, protocol: 'oauth2-token-exchange' });
  if (!body.ok) return refuse(body.error);
  emitAudit(ctx.deps, loginEvent(origin, ok(user.value)));
  return jsonResponse(200, body.value);
}
