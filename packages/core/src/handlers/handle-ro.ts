import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { loginEvent } from '../audit/login-event.js';
import { resolveClient, resolveConnection } from '../config/resolve-client.js';
import { verifyDeviceAssertion } from '../devices/verify-device-assertion.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { UserRecord } from '../ports/user-store.js';
import { supportsGrant } from '../strategies/supports-grant.js';
import { issueRefreshToken } from '../tokens/issue-refresh-token.js';
import { completeLogin } from '../tokens/complete-login.js';
import { err, ok, type Result } from '../util/result.js';
import { clientAllowsGrant, GRANT } from '../config/grant-types.js';
import { grantNotAllowed } from '../errors/grant-not-allowed.js';
import { verifyUserPassword } from './verify-user-password.js';
import { normalizeIdentifier } from '../validation/normalize-identifier.js';
import { validateRoRequest } from '../validation/validate-ro-request.js';
import { checkLoginMfa } from '../mfa/check-login-mfa.js';
import { requestedMultifactor } from '../mfa/requested-multifactor.js';
import type { PostLoginChanges } from '../ports/login-hooks.js';
import type { MfaPassed } from '../mfa/verify-mfa-code.js';
import type { HandlerContext } from './context.js';

/**
 * `POST /oauth/ro`: validate → resolve client and connection → verify → mint (docs/spec.md §3).
 *
 * @example
 * const res = await handleRo(ctx, request); // { status: 200, body: '{"access_token":…}' }
 */
export async function handleRo(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const params = validateRoRequest(body.value);
  if (!params.ok) return errorResponse(params.error);
  const ro = params.value;
  let origin = auditOrigin(request, {
    client_id: ro.client_id,
    connection: ro.connection,
    ...(ro.grant_type === 'password' ? { user_name: normalizeIdentifier(ro.username) } : {}),
  });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, loginEvent(origin, err(error)));
    return errorResponse(error);
  };

  const client = resolveClient(ctx.index, ro.client_id);
  if (!client.ok) return refuse(client.error);
  const legacyGrant = ro.grant_type === 'password' ? GRANT.legacyRo : GRANT.legacyRoJwtBearer;
  if (!clientAllowsGrant(ctx.index.config, client.value, legacyGrant)) return refuse(grantNotAllowed(legacyGrant));
  const connection = resolveConnection(ctx.index, client.value, ro.connection);
  if (!connection.ok) return refuse(connection.error);
  origin = { ...origin, strategy: connection.value.strategy };
  if (!supportsGrant(connection.value.strategy, ro.grant_type)) return refuse(oauthError('unsupported_operation'));

  // Auth0: `mfa_code` on a login without MFA is a mistake of the caller (docs/spec.md §5.9); known
  // before the password when no Rule or Action could ask for a second factor, else after them.
  if (ro.grant_type === 'password' && ro.mfa_code !== undefined && !ctx.deps.hooks?.postLogin && !ctx.mfa?.connections.has(connection.value.name)) {
    return refuse(oauthError('mfa_code_not_allowed'));
  }

  let user: Result<UserRecord, OAuthError>;
  if (ro.grant_type === 'password') {
    user = await verifyUserPassword(ctx, request, connection.value, ro.username, ro.password);
  } else {
    const started = performance.now();
    user = await verifyDeviceAssertion(ctx.deps, ctx.mint.issuer, client.value, connection.value, ro.id_token, ro.device);
    ctx.metrics.observeLogin(connection.value.name, user.ok ? 'success' : user.error.code, (performance.now() - started) / 1000);
  }
  if (!user.ok) return refuse(user.error);
  const loggedIn = user.value;
  // The second factor, after the password and the Rules and Actions (which may ask for it), before
  // any token (Touch ID's device key is one already).
  let mfa: MfaPassed | undefined;
  const secondFactor = async (changes: PostLoginChanges | undefined): Promise<Result<void, OAuthError>> => {
    if (ro.grant_type !== 'password') return ok(undefined);
    const requested = requestedMultifactor(changes);
    if (!requested.ok) return requested;
    const checked = await checkLoginMfa(ctx, connection.value, loggedIn, ro.mfa_code, origin, requested.value);
    if (!checked.ok) return checked;
    mfa = checked.value;
    return ok(undefined);
  };
  const tokens = await completeLogin(ctx.deps, ctx.mint, {
    client: client.value,
    connection: connection.value,
    user: loggedIn,
    scope: ro.scope,
    protocol: ro.grant_type === 'password' ? 'oauth2-resource-owner' : 'oauth2-resource-owner-jwt-bearer',
    request,
    refreshToken: () => issueRefreshToken(ctx.deps, client.value, loggedIn, ro.scope, ro.device),
    secondFactor,
  });
  if (!tokens.ok) {
    await mfa?.undo?.();
    return refuse(tokens.error);
  }
  emitAudit(ctx.deps, loginEvent(origin, user));
  // A spent recovery code is replaced: the new one is shown once, with the tokens.
  return jsonResponse(200, mfa?.recovery_code === undefined ? tokens.value : { ...tokens.value, recovery_code: mfa.recovery_code });
}
