import { issueTicket } from '../accounts/issue-ticket.js';
import { accountTemplate } from '../accounts/account-email.js';
import { sendTicketEmail } from '../accounts/send-ticket-email.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import { toHex } from '../util/encoding.js';
import { normalizeIdentifier } from '../validation/normalize-identifier.js';
import { readStringParams } from '../validation/read-params.js';
import { adminRoute } from './admin-route.js';
import { customDatabaseOf } from '../strategies/database/custom-database-of.js';
import { findCustomDatabaseUser } from '../strategies/database/find-custom-database-user.js';

const MAX_TTL_S = 30 * 24 * 3600;

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * `POST /api/v2/tickets/password-change` (admin token), Auth0's Management API: `user_id`, or
 * `email` with `connection_id` (a connection name here); optional `result_url`, `ttl_sec` (default
 * the reset template's lifetime), `client_id`. Answers 201 `{"ticket": "<reset link>"}` without
 * sending an email.
 *
 * @example // 201 {"ticket":"https://auth.example.com/lo/reset?ticket=…#"}
 */
export const handleCreatePasswordChangeTicket = adminRoute('Create a password change ticket', async (ctx, request) => {
  const body = parseBody(request);
  if (!body.ok) return { response: errorResponse(body.error) };
  const read = readStringParams(body.value, ['user_id', 'email', 'connection_id', 'result_url', 'client_id'], { user_id: 512, email: 254, result_url: 2048 });
  if (!read.ok) return { response: errorResponse(read.error) };
  const p = read.value;
  const ttl = body.value.ttl_sec;
  if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL_S)) {
    return { response: errorResponse(oauthError('invalid_parameter', `ttl_sec must be an integer from 0 to ${MAX_TTL_S}`)) };
  }
  if (p.result_url !== undefined && !httpUrl(p.result_url)) return { response: errorResponse(oauthError('invalid_parameter', 'result_url must be an http(s) URL')) };
  if (p.client_id !== undefined && !ctx.index.clients.has(p.client_id)) return { response: errorResponse(oauthError('invalid_parameter', 'client_id names no client')) };
  if (!ctx.deps.tickets) return { response: errorResponse(oauthError('temporarily_unavailable', 'no ticket store')) };
  let user;
  if (p.user_id !== undefined) user = await ctx.deps.users.findById(p.user_id);
  else if (p.email !== undefined && p.connection_id !== undefined) {
    const connection = ctx.index.connections.get(p.connection_id);
    if (!connection) return { response: errorResponse(oauthError('invalid_parameter', 'connection_id names no connection')) };
    const email = normalizeIdentifier(p.email);
    user = await ctx.deps.users.find(connection.name, { email });
    const custom = customDatabaseOf(ctx.deps, connection);
    if (custom) {
      // A custom database's user not stored here is found with get_user, as for a reset request (docs/spec.md §5.7).
      const found = await findCustomDatabaseUser(ctx.deps, custom, connection, email, user);
      if (!found.ok) return { response: errorResponse(found.error) };
      user = found.value;
    }
  } else return { response: errorResponse(oauthError('missing_parameter', 'give user_id, or email and connection_id')) };
  if (!user) return { response: errorResponse(oauthError('user_not_found')) };
  if (user.strategy !== 'auth0') return { response: errorResponse(oauthError('unsupported_operation', 'only users of a database (auth0) connection have a password here')), user_id: user.user_id };
  const template = accountTemplate(ctx.index.config, 'reset_email');
  const lifetime_s = ttl === undefined || ttl === 0 ? (template?.urlLifetimeInSeconds ?? 432_000) : ttl;
  const resultUrl = p.result_url ?? template?.resultUrl;
  const { url } = await issueTicket(ctx.deps, ctx.index.config.issuer, {
    kind: 'reset',
    user_id: user.user_id,
    lifetime_s,
    ...(p.client_id === undefined ? {} : { client_id: p.client_id }),
    ...(resultUrl === undefined ? {} : { result_url: resultUrl }),
  });
  return { response: jsonResponse(201, { ticket: url }), user_id: user.user_id };
});

/**
 * `POST /api/v2/jobs/verification-email` (admin token), Auth0's Management API: `user_id`, optional
 * `client_id`. Sends the verification email after answering 201 with a job
 * (`{"type":"verification_email","status":"pending","created_at","id"}`).
 *
 * @example // 201 {"type":"verification_email","status":"pending","created_at":"…","id":"job_…"}
 */
export const handleSendVerificationEmail = adminRoute('Send a verification email', async (ctx, request) => {
  const body = parseBody(request);
  if (!body.ok) return { response: errorResponse(body.error) };
  const read = readStringParams(body.value, ['user_id', 'client_id'], { user_id: 512 });
  if (!read.ok) return { response: errorResponse(read.error) };
  const { user_id, client_id } = read.value;
  if (!user_id) return { response: errorResponse(oauthError('missing_parameter', 'missing user_id parameter')) };
  const client = client_id === undefined ? undefined : ctx.index.clients.get(client_id);
  if (client_id !== undefined && !client) return { response: errorResponse(oauthError('invalid_parameter', 'client_id names no client')) };
  const user = await ctx.deps.users.findById(user_id);
  if (!user) return { response: errorResponse(oauthError('user_not_found')) };
  const connection = ctx.index.connections.get(user.connection);
  if (!user.email || !connection) return { response: errorResponse(oauthError('invalid_request', 'the user has no email address')), user_id };
  if (!ctx.deps.tickets || !ctx.deps.senders?.email || !accountTemplate(ctx.index.config, 'verify_email')) {
    return { response: errorResponse(oauthError('temporarily_unavailable', 'verification email is not configured (ticket store, email provider, template)')), user_id };
  }
  void sendTicketEmail(ctx.deps, ctx.index.config, 'verify_email', { user, connection, client }).catch(() => undefined);
  const job = { type: 'verification_email', status: 'pending', created_at: new Date(ctx.deps.clock.now()).toISOString(), id: `job_${toHex(ctx.deps.random.bytes(8))}` };
  return { response: jsonResponse(201, job), user_id };
});
