import { accountPage, problemPage } from '../accounts/account-page.js';
import { escapeHtml } from '../accounts/escape-html.js';
import { isTicketText } from '../accounts/issue-ticket.js';
import { resultRedirect } from '../accounts/result-redirect.js';
import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { hashToken } from '../tokens/hash-token.js';
import type { HandlerContext } from './context.js';

/**
 * `GET /api/v2/tickets/email-verification?ticket=…`, the link of the verification email (Auth0's
 * path): spends the ticket (single use, atomic), sets the user's `email_verified`, and shows the
 * result or redirects to the template's `resultUrl` with `success=true`. An unknown, expired or
 * spent ticket gets a 400 page and changes nothing.
 *
 * @example await handleVerifyEmail(ctx, { method: 'GET', path: '/api/v2/tickets/email-verification', query: 'ticket=…', … });
 */
export async function handleVerifyEmail(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const ticket = new URLSearchParams(request.query ?? '').get('ticket');
  const origin = auditOrigin(request);
  const spent = isTicketText(ticket) && ctx.deps.tickets ? await ctx.deps.tickets.redeem('verify', await hashToken(ticket), ctx.deps.clock.now()) : undefined;
  const user = spent && (await ctx.deps.users.findById(spent.user_id));
  if (!spent || !user) {
    emitAudit(ctx.deps, { type: 'fv', ...origin, description: 'verification link expired, spent or unknown' });
    return problemPage(400, 'Link expired', 'This link has expired or was already used. Ask for a new verification email.');
  }
  await ctx.deps.users.update(user.user_id, { profile: { ...user.profile, email_verified: true } }, new Date(ctx.deps.clock.now()).toISOString());
  emitAudit(ctx.deps, { type: 'sv', ...origin, user_id: user.user_id, connection: user.connection, description: 'Email verified' });
  const message = 'Your email was verified. You can continue using the application.';
  return (
    resultRedirect(spent.result_url, message) ??
    accountPage({ status: 200, title: 'Email verified', body: `<p class="ok" role="status">${escapeHtml(message)}</p><p>${escapeHtml(user.email ?? '')}</p>` })
  );
}
