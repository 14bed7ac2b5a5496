import { accountPage, problemPage } from '../accounts/account-page.js';
import { escapeHtml } from '../accounts/escape-html.js';
import { isTicketText } from '../accounts/issue-ticket.js';
import { resultRedirect } from '../accounts/result-redirect.js';
import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { hashToken } from '../tokens/hash-token.js';
import { customDatabaseOf, keepsUsersUpstream } from '../strategies/database/custom-database-of.js';
import type { HandlerContext } from './context.js';

/**
 * `GET /api/v2/tickets/email-verification?ticket=…`, the link of the verification email (Auth0's
 * path): spends the ticket (single use, atomic), sets the user's `email_verified`, and shows the
 * result or redirects to the template's `resultUrl` with `success=true`. An unknown, expired or
 * spent ticket gets a 400 page and changes nothing. On a custom-database connection without
 * `import_mode` the connection's `verify` script marks the address instead; the ticket is given back
 * when it does not (docs/spec.md §5.7).
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
  const connection = ctx.index.connections.get(user.connection);
  const upstream = keepsUsersUpstream(connection);
  if (upstream) {
    // Auth0's verify script marks the address in the custom database (docs/spec.md §5.7); Auth0's own
    // email_verified stays as the login and get_user scripts return it. Run after the ticket is spent
    // (one run per link), and the link given back when it did not verify.
    const custom = customDatabaseOf(ctx.deps, connection)?.custom;
    const verified = custom?.verify ? await custom.verify(user.email ?? '') : undefined;
    if (!verified?.ok || !verified.value) {
      const unavailable = verified?.ok === false && verified.error.code === 'temporarily_unavailable';
      await ctx.deps.tickets!.issue(spent);
      emitAudit(ctx.deps, { type: 'fv', ...origin, user_id: user.user_id, connection: user.connection, description: unavailable ? 'custom database unavailable' : 'the verify script did not verify the address' });
      return problemPage(unavailable ? 503 : 400, 'Email not verified', unavailable ? 'Your email could not be verified right now. Try the link again later.' : 'Your email could not be verified.');
    }
  } else {
    await ctx.deps.users.update(user.user_id, { profile: { ...user.profile, email_verified: true } }, new Date(ctx.deps.clock.now()).toISOString());
  }
  emitAudit(ctx.deps, { type: 'sv', ...origin, user_id: user.user_id, connection: user.connection, description: 'Email verified' });
  const message = 'Your email was verified. You can continue using the application.';
  return (
    resultRedirect(spent.result_url, message) ??
    accountPage({ status: 200, title: 'Email verified', body: `<p class="ok" role="status">${escapeHtml(message)}</p><p>${escapeHtml(user.email ?? '')}</p>` })
  );
}
