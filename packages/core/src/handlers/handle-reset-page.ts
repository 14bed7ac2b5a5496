import { accountPage, problemPage } from '../accounts/account-page.js';
import { CLEAR_CSRF_COOKIE, csrfMatches, newCsrfToken } from '../accounts/csrf.js';
import { escapeHtml } from '../accounts/escape-html.js';
import { isTicketText } from '../accounts/issue-ticket.js';
import { resultRedirect } from '../accounts/result-redirect.js';
import { passwordOwnerOf } from '../admin/password-owner-of.js';
import { setUserPassword, storePasswordHash } from '../admin/set-user-password.js';
import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { parseBody } from '../http/parse-body.js';
import { ERROR_TABLE } from '../errors/error-table.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { TicketRecord } from '../ports/ticket-store.js';
import type { UserRecord } from '../ports/user-store.js';
import { checkNewPassword } from '../strategies/database/check-new-password.js';
import { passwordStrength } from '../strategies/database/password-rules.js';
import { readPasswordOptions } from '../strategies/database/read-password-options.js';
import { hashToken } from '../tokens/hash-token.js';
import type { HandlerContext } from './context.js';

const GONE = 'This link has expired or was already used. Ask for a new one.';

/** The live reset ticket a request names (query on GET, form field on POST), and its user. */
async function liveTicket(ctx: HandlerContext, ticket: unknown): Promise<{ record: TicketRecord; user: UserRecord; hash: string } | undefined> {
  if (!isTicketText(ticket) || !ctx.deps.tickets) return undefined;
  const hash = await hashToken(ticket);
  const record = await ctx.deps.tickets.peek('reset', hash, ctx.deps.clock.now());
  const user = record && (await ctx.deps.users.findById(record.user_id));
  return record && user ? { record, user, hash } : undefined;
}

function formPage(ctx: HandlerContext, ticket: string, csrf: string, live: { user: UserRecord; record: TicketRecord }, error?: string, status = 200, setCookie?: string) {
  const { user, record } = live;
  const confirmOnly = record.password_hash !== undefined;
  const connection = ctx.index.connections.get(user.connection);
  const options = readPasswordOptions(connection?.options ?? {});
  const policy = passwordStrength(options.policy, options.minLength, '').policy;
  const fields = confirmOnly
    ? '<p>Confirm the new password you chose for your account.</p>'
    : `<label for="newPassword">New password</label><input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required>` +
      `<label for="confirmNewPassword">Confirm new password</label><input id="confirmNewPassword" name="confirmNewPassword" type="password" autocomplete="new-password" required>` +
      `<p class="policy">${escapeHtml(policy)}</p>`;
  return accountPage({
    status,
    title: 'Change your password',
    body:
      `<p>For ${escapeHtml(user.email ?? user.username ?? user.user_id)}</p>` +
      (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '') +
      `<form method="post" action="reset"><input type="hidden" name="ticket" value="${escapeHtml(ticket)}"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}">${fields}<button type="submit">${confirmOnly ? 'Confirm password change' : 'Change password'}</button></form>`,
    // The POST may redirect to the result URL; CSP's form-action also governs that redirect.
    ...(record.result_url ? { formOrigins: [new URL(record.result_url).origin] } : {}),
    ...(setCookie ? { headers: { 'set-cookie': setCookie } } : {}),
  });
}

/**
 * `GET /lo/reset?ticket=…`: the reset form (no script, strict CSP, a CSRF token in a cookie and the
 * form), or a 400 page for a link that is unknown, expired or spent.
 *
 * @example await handleResetPage(ctx, { method: 'GET', path: '/lo/reset', query: 'ticket=…', … });
 */
export async function handleResetPage(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const ticket = new URLSearchParams(request.query ?? '').get('ticket');
  const live = await liveTicket(ctx, ticket);
  if (!live) return problemPage(400, 'Link expired', GONE);
  const csrf = newCsrfToken(ctx.deps.random, ctx.index.config.issuer.startsWith('https:'));
  return formPage(ctx, ticket!, csrf.token, live, undefined, 200, csrf.setCookie);
}

/**
 * `POST /lo/reset` (form: `ticket`, `_csrf`, `newPassword`, `confirmNewPassword`): checks the CSRF
 * token, the ticket and the connection's password policy (a refused password keeps the ticket),
 * spends the ticket (single use, atomic), sets the password, revokes the user's refresh tokens and
 * device keys, releases brute-force blocks, and shows the result or redirects to `resultUrl`.
 *
 * @example await handleResetSubmit(ctx, request); // 200 page "Password changed" or 302 to resultUrl
 */
export async function handleResetSubmit(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return problemPage(400, 'Change your password', 'The form could not be read.');
  const form = body.value;
  if (!csrfMatches(request, form._csrf)) return problemPage(403, 'Change your password', 'This form has expired. Open the link from the email again.');
  const live = await liveTicket(ctx, form.ticket);
  if (!live) return problemPage(400, 'Link expired', GONE);
  const { user, record, hash } = live;
  const ticket = form.ticket as string;
  const csrf = form._csrf as string;
  const connection = ctx.index.connections.get(user.connection);
  const origin = auditOrigin(request, { connection: user.connection, ...(record.client_id ? { client_id: record.client_id } : {}) });
  let newPassword: string | undefined;
  if (record.password_hash === undefined) {
    const { newPassword: pw, confirmNewPassword: again } = form;
    if (typeof pw !== 'string' || pw === '' || pw.length > 1024) return formPage(ctx, ticket, csrf, live, 'Enter a new password.', 400);
    if (pw !== again) return formPage(ctx, ticket, csrf, live, 'The passwords do not match.', 400);
    if (connection) {
      const checked = await checkNewPassword(ctx.deps, connection, pw, passwordOwnerOf(user));
      if (!checked.ok) return formPage(ctx, ticket, csrf, live, checked.error.description ?? ERROR_TABLE[checked.error.code].description, 400);
    }
    newPassword = pw;
  }
  const spent = await ctx.deps.tickets!.redeem('reset', hash, ctx.deps.clock.now());
  if (!spent) return problemPage(400, 'Link expired', GONE);
  if (newPassword !== undefined) {
    const set = await setUserPassword(ctx.deps, ctx.index.config, user.user_id, newPassword);
    if (!set.ok) {
      emitAudit(ctx.deps, { type: 'fcp', ...origin, user_id: user.user_id, description: set.error.description ?? set.error.code });
      const description = set.error.description ?? ERROR_TABLE[set.error.code].description;
      if (set.error.code === 'temporarily_unavailable') {
        // A custom database's change_password script failed: the link is given back (docs/spec.md §5.7),
        // after it was spent, so two submissions never both reach the script.
        await ctx.deps.tickets!.issue(spent);
        return problemPage(503, 'Change your password', `${description}. Try the link again later.`);
      }
      return problemPage(400, 'Change your password', `${description}. Ask for a new link.`);
    }
  } else {
    // Auth0's legacy change_password: the ticket carries the hash of the password checked when it was made.
    await storePasswordHash(ctx.deps, ctx.index.config, user.user_id, spent.password_hash!);
  }
  emitAudit(ctx.deps, { type: 'scp', ...origin, user_id: user.user_id, description: 'Successful change password' });
  const message = 'Your password has been changed. You can now log in with the new password.';
  const redirect = resultRedirect(spent.result_url, message, { set_cookie: CLEAR_CSRF_COOKIE });
  if (redirect) return redirect;
  return accountPage({ status: 200, title: 'Password changed', body: `<p class="ok" role="status">${escapeHtml(message)}</p>`, headers: { 'set-cookie': CLEAR_CSRF_COOKIE } });
}
