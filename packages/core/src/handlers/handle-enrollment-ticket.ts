import { accountTemplate, deliverAccountEmail, renderAccountEmail } from '../accounts/account-email.js';
import { issueTicket } from '../accounts/issue-ticket.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import { looksLikeEmail, normalizeIdentifier } from '../validation/normalize-identifier.js';
import { readStringParams } from '../validation/read-params.js';
import { adminRoute } from './admin-route.js';

/** Auth0's lifetime of an enrolment ticket when the `enrollment_email` template says none: 5 days. */
const DEFAULT_LIFETIME_S = 432_000;

/**
 * `POST /api/v2/guardian/enrollments/ticket` (admin token), Auth0's Management API: `user_id`;
 * optional `send_mail` (email the link with the `enrollment_email` template, to `email` when given,
 * else the user's address), `email`, `email_locale`, `factor` (only `otp`), and
 * `allow_multiple_enrollments` (accepted; a confirmed enrolment replaces the earlier one). Answers
 * 200 `{"ticket_id","ticket_url"}`: a single-use link to the enrolment page, valid the template's
 * `urlLifetimeInSeconds` (default 5 days), stored only as its SHA-256 (docs/spec.md §5.10).
 *
 * @example // 200 {"ticket_id":"Qm9…","ticket_url":"https://auth.example.com/guardian/enrollment?ticket=Qm9…#"}
 */
export const handleCreateEnrollmentTicket = adminRoute('Create a guardian enrollment ticket', async (ctx, request) => {
  const body = parseBody(request);
  if (!body.ok) return { response: errorResponse(body.error) };
  const read = readStringParams(body.value, ['user_id', 'email', 'email_locale', 'factor'], { user_id: 512, email: 254, email_locale: 35, factor: 32 });
  if (!read.ok) return { response: errorResponse(read.error) };
  const p = read.value;
  const { send_mail, allow_multiple_enrollments } = body.value;
  if (send_mail !== undefined && typeof send_mail !== 'boolean') return { response: errorResponse(oauthError('invalid_parameter', 'send_mail must be a boolean')) };
  if (allow_multiple_enrollments !== undefined && typeof allow_multiple_enrollments !== 'boolean') {
    return { response: errorResponse(oauthError('invalid_parameter', 'allow_multiple_enrollments must be a boolean')) };
  }
  if (p.factor !== undefined && p.factor !== 'otp') return { response: errorResponse(oauthError('invalid_parameter', 'factor must be otp (the only factor oauth-ro enrols)')) };
  const email = p.email === undefined ? undefined : normalizeIdentifier(p.email);
  if (email !== undefined && (!looksLikeEmail(email) || /[\r\n\0]/.test(p.email!))) return { response: errorResponse(oauthError('invalid_parameter', 'email must be an email address')) };
  if (p.user_id === undefined) return { response: errorResponse(oauthError('missing_parameter', 'missing user_id parameter')) };
  const user = await ctx.deps.users.findById(p.user_id);
  if (!user) return { response: errorResponse(oauthError('user_not_found')) };
  if (!ctx.deps.tickets || !ctx.deps.mfaEnrollments) {
    return { response: errorResponse(oauthError('temporarily_unavailable', 'MFA enrolment is not configured (ticket store, enrolment store)')), user_id: user.user_id };
  }
  const template = accountTemplate(ctx.index.config, 'enrollment_email');
  const connection = ctx.index.connections.get(user.connection);
  const recipient = email ?? user.email;
  if (send_mail === true && (!template || !ctx.deps.senders?.email || !connection || recipient === undefined)) {
    return { response: errorResponse(oauthError('temporarily_unavailable', 'enrollment email is not configured (email provider, enrollment_email template) or the user has no address')), user_id: user.user_id };
  }
  const { url, ticket } = await issueTicket(ctx.deps, ctx.index.config.issuer, {
    kind: 'mfa_enroll',
    user_id: user.user_id,
    lifetime_s: template?.urlLifetimeInSeconds ?? DEFAULT_LIFETIME_S,
  });
  if (send_mail === true && template && connection && recipient !== undefined) {
    const addressed = { ...user, email: recipient };
    const rendered = renderAccountEmail(template, { user: addressed, client: undefined, connection, url, issuer: ctx.index.config.issuer });
    if (!rendered.ok) return { response: errorResponse(oauthError('invalid_parameter', 'the email address cannot be used')), user_id: user.user_id };
    // After the answer, as Auth0 does; a failure is logged by the sender path, never thrown.
    void deliverAccountEmail(ctx.deps, connection, addressed, rendered.value, '').catch(() => undefined);
  }
  return { response: jsonResponse(200, { ticket_id: ticket, ticket_url: url }), user_id: user.user_id };
});
