import { problemPage } from '../accounts/account-page.js';
import { CLEAR_CSRF_COOKIE, csrfMatches, newCsrfToken } from '../accounts/csrf.js';
import { isTicketText } from '../accounts/issue-ticket.js';
import { emitAudit } from '../audit/emit-audit.js';
import { ERROR_TABLE } from '../errors/error-table.js';
import { enrolledPage } from '../guardian/enrolled-page.js';
import { enrollmentPage } from '../guardian/enrollment-page.js';
import { parseBody } from '../http/parse-body.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { beginMfaEnrollment, confirmMfaEnrollment } from '../mfa/enrollment.js';
import { openTotpSecret } from '../mfa/seal-secret.js';
import { otpauthUri } from '../mfa/totp.js';
import type { MfaEnrollmentRecord } from '../ports/mfa-enrollment-store.js';
import type { TicketRecord } from '../ports/ticket-store.js';
import type { UserRecord } from '../ports/user-store.js';
import { waitForSlot } from '../protection/wait-for-slot.js';
import { hashToken } from '../tokens/hash-token.js';
import type { HandlerContext } from './context.js';

const TITLE = 'Set up two-step verification';
const GONE = 'This link has expired or was already used. Ask for a new one.';
/** Wrong codes one ticket may be tried with; the next failure spends it (docs/spec.md §5.10). */
export const ENROLLMENT_CODE_TRIES = 5;

interface LiveTicket {
  readonly record: TicketRecord;
  readonly user: UserRecord;
  readonly hash: string;
}

/** The live enrolment ticket a request names, and its user. */
async function liveTicket(ctx: HandlerContext, ticket: unknown): Promise<LiveTicket | undefined> {
  if (!isTicketText(ticket) || !ctx.deps.tickets || !ctx.deps.mfaEnrollments) return undefined;
  const hash = await hashToken(ticket);
  const record = await ctx.deps.tickets.peek('mfa_enroll', hash, ctx.deps.clock.now());
  const user = record && (await ctx.deps.users.findById(record.user_id));
  return record && user ? { record, user, hash } : undefined;
}

/** How the page and the authenticator app name the account (as `beginMfaEnrollment` labels it). */
const accountOf = (user: UserRecord) => user.email ?? user.username ?? user.phone_number ?? user.user_id;
const triesKey = (hash: string) => `mfa-enroll:${hash}`;

/** The key of a pending enrolment again (a reload, a retry after a wrong code); undefined when it cannot be opened. */
async function keyOf(ctx: HandlerContext, pending: MfaEnrollmentRecord, user: UserRecord) {
  if (!ctx.mfa) return undefined;
  const secret_base32 = await openTotpSecret(pending.sealed_secret, pending.id, ctx.mfa.sealKey);
  return secret_base32 === undefined ? undefined : { secret_base32, otpauth_uri: otpauthUri({ issuer: ctx.mfa.issuerName, account: accountOf(user), secret_base32 }) };
}

/** The pending enrolment this ticket's page showed: the user's pending one, begun after the ticket was made. */
async function pendingOf(ctx: HandlerContext, live: LiveTicket): Promise<MfaEnrollmentRecord | undefined> {
  const all = await ctx.deps.mfaEnrollments!.listByUser(live.user.user_id);
  return all.find((e) => e.status === 'pending' && e.created_at >= live.record.created_at);
}

/**
 * `GET /guardian/enrollment?ticket=…`: shows the QR code of a pending TOTP enrolment of the
 * ticket's user, the key as text and the form for the first code, with a CSRF cookie. The first
 * visit begins the enrolment (a fresh key, replacing an earlier pending one); a reload shows the
 * same key again, so a code already scanned stays good. 400 page for an unknown, expired or spent
 * ticket (docs/spec.md §5.10). The ticket is not spent here.
 *
 * @example await handleEnrollmentPage(ctx, { method: 'GET', path: '/guardian/enrollment', query: 'ticket=…', … });
 */
export async function handleEnrollmentPage(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const ticket = new URLSearchParams(request.query ?? '').get('ticket');
  const live = await liveTicket(ctx, ticket);
  if (!live) return problemPage(400, 'Link expired', GONE);
  const earlier = await pendingOf(ctx, live);
  let shown = earlier && { enrollment_id: earlier.id, key: await keyOf(ctx, earlier, live.user) };
  if (!shown?.key) {
    const begun = await beginMfaEnrollment(ctx, live.user.user_id, {});
    if (!begun.ok) return problemPage(begun.error.code === 'temporarily_unavailable' ? 503 : 400, TITLE, begun.error.description ?? ERROR_TABLE[begun.error.code].description);
    const { enrollment, secret_base32, otpauth_uri } = begun.value;
    shown = { enrollment_id: enrollment.id, key: { secret_base32, otpauth_uri } };
  }
  const csrf = newCsrfToken(ctx.deps.random, ctx.index.config.issuer.startsWith('https:'));
  return enrollmentPage({ status: 200, account: accountOf(live.user), ticket: ticket!, csrf: csrf.token, enrollment_id: shown.enrollment_id, ...(shown.key ? { key: shown.key } : {}), setCookie: csrf.setCookie });
}

/**
 * `POST /guardian/enrollment` (form: `ticket`, `_csrf`, `enrollment_id`, `code`): checks the CSRF
 * token and the ticket, then the code against the pending enrolment the page showed. A wrong code
 * keeps the ticket for {@link ENROLLMENT_CODE_TRIES} tries in all (parallel tries included: each
 * is judged in a counter slot), after which the ticket is spent and the pending enrolment deleted.
 * The right code confirms the enrolment, spends the ticket and shows the recovery code once
 * (docs/spec.md §5.10).
 *
 * @example await handleEnrollmentSubmit(ctx, request); // 200 page with the recovery code
 */
export async function handleEnrollmentSubmit(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return problemPage(400, TITLE, 'The form could not be read.');
  const form = body.value;
  if (!csrfMatches(request, form._csrf)) return problemPage(403, TITLE, 'This form has expired. Open the link again.');
  const live = await liveTicket(ctx, form.ticket);
  if (!live) return problemPage(400, 'Link expired', GONE);
  const { user, record, hash } = live;
  const enrollments = ctx.deps.mfaEnrollments!;
  const id = typeof form.enrollment_id === 'string' && form.enrollment_id.length <= 128 ? form.enrollment_id : undefined;
  const pending = id === undefined ? undefined : await enrollments.get(id);
  if (!pending || pending.user_id !== user.user_id || pending.status !== 'pending' || pending.created_at < record.created_at) {
    return problemPage(400, TITLE, 'This setup was replaced by a newer one. Open the link again and scan the new code.');
  }
  const key = await keyOf(ctx, pending, user);
  const again = (status: number, error: string) =>
    enrollmentPage({ status, account: accountOf(user), ticket: form.ticket as string, csrf: form._csrf as string, enrollment_id: pending.id, error, ...(key ? { key } : {}) });
  const code = typeof form.code === 'string' ? form.code.replace(/\s+/g, '') : '';
  if (!/^[0-9]{6}$/.test(code)) return again(400, 'Enter the 6-digit code the app shows.');
  if (!ctx.deps.counters) return problemPage(503, TITLE, 'Two-step verification cannot be set up here right now (no counter store).');
  const tries = triesKey(hash);
  const windowMs = Math.max(1000, record.expires_at - ctx.deps.clock.now());
  const slot = await waitForSlot({ counters: ctx.deps.counters, clock: ctx.deps.clock, random: ctx.deps.random }, tries, ENROLLMENT_CODE_TRIES);
  if (!slot.ok) {
    if (slot.reason === 'busy') return problemPage(503, TITLE, 'Too many tries at once. Wait a moment and try again.');
    await spend(ctx, hash, pending);
    return problemPage(400, TITLE, 'Too many wrong codes: this link no longer works. Ask for a new one.');
  }
  let confirmed;
  try {
    confirmed = await confirmMfaEnrollment(ctx, pending.id, code);
  } catch (error) {
    await ctx.deps.counters.settle(tries, slot.slot, 'void', windowMs, ctx.deps.clock.now());
    throw error;
  }
  if (!confirmed.ok) {
    // Only a judged wrong code counts against the ticket; an outage, the user's own MFA limit or a
    // replaced enrolment count nothing.
    const judged = confirmed.error.code === 'mfa_invalid_code';
    await ctx.deps.counters.settle(tries, slot.slot, judged ? 'failure' : 'void', windowMs, ctx.deps.clock.now());
    if (confirmed.error.code === 'temporarily_unavailable') return problemPage(503, TITLE, 'Two-step verification cannot be set up right now. Try again in a moment.');
    if (confirmed.error.code === 'too_many_attempts') return problemPage(429, TITLE, 'Too many wrong codes for this account. Try again later.');
    if (!judged) return problemPage(400, TITLE, 'This setup was replaced by a newer one. Open the link again and scan the new code.');
    const left = ENROLLMENT_CODE_TRIES - (await ctx.deps.counters.get(tries, ctx.deps.clock.now()));
    if (left <= 0) {
      await spend(ctx, hash, pending);
      return problemPage(400, TITLE, 'Too many wrong codes: this link no longer works. Ask for a new one.');
    }
    return again(400, `That code is not right. Check the app's clock and enter the current code (${left} ${left === 1 ? 'try' : 'tries'} left).`);
  }
  await ctx.deps.counters.settle(tries, slot.slot, 'success', windowMs, ctx.deps.clock.now());
  // The enrolment is confirmed: the ticket is spent after its effect, never before.
  await ctx.deps.tickets!.redeem('mfa_enroll', hash, ctx.deps.clock.now());
  return enrolledPage(confirmed.value.recovery_code, CLEAR_CSRF_COOKIE);
}

/** Spends a ticket whose tries ran out, and drops the pending enrolment it showed. */
async function spend(ctx: HandlerContext, hash: string, pending: MfaEnrollmentRecord): Promise<void> {
  // Racing requests may all get here; the one that spent the ticket reports it.
  if (!(await ctx.deps.tickets!.redeem('mfa_enroll', hash, ctx.deps.clock.now()))) return;
  const still = await ctx.deps.mfaEnrollments!.get(pending.id);
  if (still?.status === 'pending') await ctx.deps.mfaEnrollments!.delete(pending.id);
  emitAudit(ctx.deps, { type: 'gd_otp_rate_limit_exceed', user_id: pending.user_id, description: 'Too many wrong codes: the enrollment ticket was spent', details: { enrollment_id: pending.id } });
}
