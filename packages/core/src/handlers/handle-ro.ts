import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { loginEvent } from '../audit/login-event.js';
import { resolveClient, resolveConnection } from '../config/resolve-client.js';
import type { ConnectionConfig } from '../config/types.js';
import { verifyDeviceAssertion } from '../devices/verify-device-assertion.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { loginPasswordlessUser } from '../passwordless/login-passwordless-user.js';
import { guardPasswordAttempt } from '../protection/guard-password-attempt.js';
import { bruteForceSubject } from '../protection/brute-force-subject.js';
import type { UserRecord } from '../ports/user-store.js';
import { findDatabaseUser, loginDatabaseUser } from '../strategies/database/login-database-user.js';
import { loginDirectoryUser } from '../strategies/directory/login-directory-user.js';
import { supportsGrant } from '../strategies/supports-grant.js';
import { issueRefreshToken } from '../tokens/issue-refresh-token.js';
import { completeLogin } from '../tokens/complete-login.js';
import { err, type Result } from '../util/result.js';
import { normalizeIdentifier } from '../validation/normalize-identifier.js';
import { validateRoRequest } from '../validation/validate-ro-request.js';
import type { HandlerContext } from './context.js';

function verifyPassword(
  ctx: HandlerContext,
  connection: ConnectionConfig,
  username: string,
  password: string,
  ip: string,
): Promise<Result<UserRecord, OAuthError>> {
  switch (connection.strategy) {
    case 'auth0':
      return loginDatabaseUserGuarded(ctx, connection, username, password, ip);
    case 'ad':
    case 'waad':
    case 'adfs':
      return guardPasswordAttempt(
        ctx.deps,
        connection,
        username,
        ip,
        () => loginDirectoryUser(ctx.deps, connection, username, password, ip),
        ctx.ipLimits,
      );
    case 'sms':
    case 'email':
      return loginPasswordlessUser(ctx.deps, ctx.passwordless, connection, username, password);
    default:
      return Promise.resolve(err(oauthError('unsupported_operation')));
  }
}

/**
 * A database login counted per user, whichever of its identifiers was typed (email or username):
 * the user is looked up first, and its count kept under {@link bruteForceSubject}.
 */
async function loginDatabaseUserGuarded(
  ctx: HandlerContext,
  connection: ConnectionConfig,
  username: string,
  password: string,
  ip: string,
): Promise<Result<UserRecord, OAuthError>> {
  const found = (await findDatabaseUser(ctx.deps, connection, username)) ?? null;
  return guardPasswordAttempt(
    ctx.deps,
    connection,
    bruteForceSubject(found, username),
    ip,
    () => loginDatabaseUser(ctx.deps, connection, username, password, found),
    ctx.ipLimits,
  );
}

/**
 * `POST /oauth/ro`: validate → resolve client and connection → verify → mint (SPEC §3).
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
  const connection = resolveConnection(ctx.index, client.value, ro.connection);
  if (!connection.ok) return refuse(connection.error);
  origin = { ...origin, strategy: connection.value.strategy };
  if (!supportsGrant(connection.value.strategy, ro.grant_type)) return refuse(oauthError('unsupported_operation'));

  const started = performance.now();
  const user =
    ro.grant_type === 'password'
      ? await verifyPassword(ctx, connection.value, ro.username, ro.password, request.ip)
      : await verifyDeviceAssertion(ctx.deps, ctx.mint.issuer, client.value, connection.value, ro.id_token, ro.device);
  ctx.metrics.observeLogin(connection.value.name, user.ok ? 'success' : user.error.code, (performance.now() - started) / 1000);
  if (!user.ok) return refuse(user.error);
  const tokens = await completeLogin(ctx.deps, ctx.mint, {
    client: client.value,
    connection: connection.value,
    user: user.value,
    scope: ro.scope,
    protocol: ro.grant_type === 'password' ? 'oauth2-resource-owner' : 'oauth2-resource-owner-jwt-bearer',
    request,
    refreshToken: () => issueRefreshToken(ctx.deps, client.value, user.value, ro.scope, ro.device),
  });
  if (!tokens.ok) return refuse(tokens.error);
  emitAudit(ctx.deps, loginEvent(origin, user));
  return jsonResponse(200, tokens.value);
}
