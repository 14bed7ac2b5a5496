import { auditOrigin } from '../../audit/audit-origin.js';
import { emitAudit } from '../../audit/emit-audit.js';
import { loginEvent } from '../../audit/login-event.js';
import { GRANT } from '../../config/grant-types.js';
import { resolveConnection } from '../../config/resolve-client.js';
import type { ClientConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import { errorResponse, jsonResponse } from '../../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../../http/types.js';
import { err, ok, type Result } from '../../util/result.js';
import { normalizeIdentifier } from '../../validation/normalize-identifier.js';
import { missing } from '../../validation/read-params.js';
import type { HandlerContext } from '../context.js';
import { verifyUserPassword } from '../verify-user-password.js';
import { resolveApi, userTokens } from './respond-user-tokens.js';
import { tokenLoginError } from './token-error.js';
import { issueMfaToken } from '../../mfa/mfa-token.js';
import { MFA_STRATEGIES } from '../../mfa/mfa-settings.js';
import { requestedMultifactor } from '../../mfa/requested-multifactor.js';
import type { PostLoginChanges } from '../../ports/login-hooks.js';
import type { TokenParams } from './token-params.js';

type PasswordGrant = typeof GRANT.password | typeof GRANT.passwordRealm | typeof GRANT.passwordlessOtp;

/**
 * The resource-owner grants of `/oauth/token`: `password` (the tenant's `default_directory`),
 * `password-realm` (`realm` names the connection) and `passwordless/otp` (`realm` is the `sms` or
 * `email` connection, `otp` the code). Users log in through the very path of `/oauth/ro`
 * (throttles, brute-force protection, metrics, audit `s`/`fp`/`fu`/`limit_wc`…); only the wording
 * of a wrong password or code is `/oauth/token`'s.
 *
 * @example await grantPassword(ctx, request, client, params, GRANT.passwordRealm);
 */
export async function grantPassword(
  ctx: HandlerContext,
  request: OAuthRequest,
  client: ClientConfig,
  p: TokenParams,
  grant: PasswordGrant,
): Promise<OAuthResponse> {
  const otp = grant === GRANT.passwordlessOtp;
  if (!p.username) return errorResponse(missing('username').error);
  const secret = otp ? p.otp : p.password;
  if (!secret) return errorResponse(missing(otp ? 'otp' : 'password').error);
  if (grant !== GRANT.password && !p.realm) return errorResponse(missing('realm').error);
  const name = grant === GRANT.password ? ctx.index.config.tenant?.default_directory : p.realm;

  let origin = auditOrigin(request, {
    client_id: client.client_id,
    ...(name === undefined ? {} : { connection: name }),
    user_name: normalizeIdentifier(p.username),
  });
  const refuse = (error: OAuthError, wire: OAuthError = error) => {
    emitAudit(ctx.deps, loginEvent(origin, err(error)));
    return errorResponse(wire);
  };
  if (name === undefined) return refuse(oauthError('no_default_connection'));
  const connection = resolveConnection(ctx.index, client, name);
  if (!connection.ok) return refuse(connection.error);
  const strategy = connection.value.strategy;
  origin = { ...origin, strategy };
  const passwordless = strategy === 'sms' || strategy === 'email';
  if (otp !== passwordless) return refuse(oauthError('unsupported_operation'));
  const api = resolveApi(ctx, p.audience);
  if (!api.ok) return refuse(api.error);

  const user = await verifyUserPassword(ctx, request, connection.value, p.username, secret);
  if (!user.ok) return refuse(user.error, tokenLoginError(user.error, strategy));
  // Under MFA the password alone earns only an mfa_token (docs/spec.md §5.9): on a connection with
  // `options.mfa` at once; else when a Rule or Action asks for a second factor (judged after them).
  const mfaRequired = async (): Promise<OAuthError> => {
    if (!ctx.mfa) return oauthError('temporarily_unavailable', 'MFA is not configured on this server');
    const mfa_token = await issueMfaToken(ctx.mfa, {
      sub: user.value.user_id,
      azp: client.client_id,
      connection: connection.value.name,
      ...(p.scope === undefined ? {} : { scope: p.scope }),
      ...(p.audience === undefined ? {} : { audience: p.audience }),
      ...(p.device === undefined ? {} : { device: p.device }),
    }, ctx.deps.random, ctx.deps.clock.now());
    return { ...oauthError('mfa_token_required'), extra: { mfa_token } };
  };
  if (ctx.mfa?.connections.has(connection.value.name)) return refuse(await mfaRequired());
  const secondFactor = async (changes: PostLoginChanges | undefined): Promise<Result<void, OAuthError>> => {
    const requested = requestedMultifactor(changes);
    if (!requested.ok) return requested;
    return requested.value && MFA_STRATEGIES.has(strategy) ? err(await mfaRequired()) : ok(undefined);
  };
  const body = await userTokens(ctx, request, client, user.value, api.value, p, otp ? undefined : 'password', {
    connection: connection.value,
    protocol: 'oauth2-password',
    secondFactor,
  });
  if (!body.ok) return refuse(body.error);
  emitAudit(ctx.deps, loginEvent(origin, user));
  return jsonResponse(200, body.value);
}
