import { sendTicketEmail } from '../accounts/send-ticket-email.js';
import { throttleResetRequests } from '../accounts/throttle-reset-requests.js';
import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { oauthError } from '../errors/oauth-error.js';
import { auth0ErrorResponse } from '../http/auth0-error-response.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { checkNewPassword } from '../strategies/database/check-new-password.js';
import { customDatabaseOf } from '../strategies/database/custom-database-of.js';
import { findCustomDatabaseUser } from '../strategies/database/find-custom-database-user.js';
import { looksLikeEmail, normalizeIdentifier } from '../validation/normalize-identifier.js';
import { missing, readStringParams } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';

/** Auth0's answer, the same whether or not the address belongs to a user. */
export const CHANGE_PASSWORD_SENT = "We've just sent you an email to reset your password.";

/**
 * `POST /dbconnections/change_password` (`client_id`, `email`, `connection`; legacy `password`):
 * answers 200 with Auth0's sentence for known and unknown addresses alike, after the same work
 * (one look-up); the ticket and the email are made after the answer, so neither their time nor
 * a provider failure tells an attacker which addresses exist. With `password` (Auth0's legacy
 * flow), the password is checked against the policy first and the link confirms it. On a
 * custom-database connection the user is looked up with its `get_user` script when it is not
 * local (docs/spec.md §5.7).
 *
 * @example await handleChangePassword(ctx, request); // 200 "We've just sent you an email to reset your password."
 */
export async function handleChangePassword(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, ['client_id', 'email', 'connection', 'password'], { email: 254, password: 1024 });
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  if (!p.client_id) return errorResponse(missing('client_id').error);
  if (!p.email) return errorResponse(missing('email').error);
  if (!p.connection) return errorResponse(missing('connection').error);
  const client = ctx.index.clients.get(p.client_id);
  if (!client) return errorResponse(oauthError('unauthorized_client'));
  const connection = ctx.index.connections.get(p.connection);
  if (!connection) return errorResponse(oauthError('bad_connection'));
  if (connection.strategy !== 'auth0') return errorResponse(oauthError('bad_connection', 'the connection is not a database connection'));
  if (!connection.enabled_clients.includes(client.client_id)) return errorResponse(oauthError('bad_connection', 'the connection was disabled'));
  const email = normalizeIdentifier(p.email);
  if (!looksLikeEmail(email)) return errorResponse(oauthError('bad_email'));
  if (!ctx.deps.tickets) return errorResponse(oauthError('temporarily_unavailable', 'password reset is not configured (no ticket store)'));
  const throttled = await throttleResetRequests(ctx.deps, connection.name, email, request.ip);
  if (throttled) return errorResponse(throttled);
  const custom = customDatabaseOf(ctx.deps, connection);
  if (p.password !== undefined && custom && !custom.importMode) {
    // The scripts need the new password in plain text, which a ticket never keeps (docs/spec.md §5.7).
    return errorResponse(oauthError('unsupported_operation', 'a custom database connection changes passwords through the reset form only'));
  }
  if (p.password !== undefined) {
    // Only what needs no user: telling a weak password apart must not tell a known address apart.
    const checked = await checkNewPassword(ctx.deps, connection, p.password, { email });
    if (!checked.ok) return auth0ErrorResponse(checked.error);
  }
  const origin = auditOrigin(request, { client_id: client.client_id, connection: connection.name, user_name: email });
  const user = await ctx.deps.users.find(connection.name, { email });
  const legacyPassword = p.password;
  // On the next macrotask: not one synchronous step of the ticket or email work runs before the
  // answer, so a known address costs the caller exactly what an unknown one does.
  const work = async () => {
    let target = user;
    if (custom) {
      // Auth0 asked get_user for a user it did not hold (docs/spec.md §5.7), after the answer here.
      const found = await findCustomDatabaseUser(ctx.deps, custom, connection, email, user);
      if (!found.ok) {
        emitAudit(ctx.deps, { type: 'fcpr', ...origin, description: 'custom database unavailable' });
        return;
      }
      target = found.value;
    }
    if (!target || target.strategy !== 'auth0') {
      emitAudit(ctx.deps, { type: 'fcpr', ...origin, description: 'unknown user' });
      return;
    }
    const password_hash = legacyPassword === undefined ? undefined : await ctx.deps.hasher.hash(legacyPassword);
    const sent = await sendTicketEmail(ctx.deps, ctx.index.config, 'reset_email', { user: target, connection, client, ...(password_hash ? { password_hash } : {}) });
    emitAudit(ctx.deps, { type: sent ? 'scpr' : 'fcpr', ...origin, user_id: target.user_id, description: sent ? 'Change password request' : 'reset email not sent' });
  };
  setTimeout(() => {
    work().catch((error: unknown) => {
      ctx.deps.logger?.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'change password request failed');
    });
  }, 0);
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: CHANGE_PASSWORD_SENT };
}
