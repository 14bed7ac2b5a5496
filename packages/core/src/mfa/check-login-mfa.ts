import type { AuditOrigin } from '../audit/audit-origin.js';
import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { HandlerContext } from '../handlers/context.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import { beginMfaEnrollment, confirmMfaEnrollment } from './enrollment.js';
import { openTotpSecret } from './seal-secret.js';
import { otpauthUri } from './totp.js';
import { verifyMfaCode, type MfaPassed } from './verify-mfa-code.js';
import { MFA_STRATEGIES } from './mfa-settings.js';

/** Auth0's description of `a0.mfa_registration_required` with enrolment settings (its spelling). */
const ENROLL_DESCRIPTION = 'MFA registration is required. Generated keys for enrollement';

/** The connection's `options.mfa.return_enroll_settings` (its type was checked at start-up), active or not. */
function enrollsAtLogin(connection: ConnectionConfig): boolean {
  const raw = connection.options.mfa;
  return typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)['return_enroll_settings'] === true;
}

/**
 * The second factor of a password login at `/oauth/ro` (docs/spec.md §5.9), once the password is
 * right and the post-login step (Rules, Actions) has run, before any token is minted. It is asked
 * for when the connection's `options.mfa` is active, or when a Rule or Action asked for it
 * (`requested`) on a connection MFA can guard; otherwise nothing (ok, undefined), and an `mfa_code`
 * is a mistake of the caller (`mfa_code_not_allowed`). A user with a confirmed enrolment must send
 * `mfa_code` (a TOTP code or the recovery code): none → `a0.mfa_required`, wrong →
 * `a0.mfa_invalid_code`. A user without one gets `a0.mfa_registration_required`; with the
 * connection's `return_enroll_settings` (read even when `active` is off, for a Rule's request) it
 * carries `mfa_settings` (`provider`, `key`, `qr`) of a pending enrolment (kept until replaced),
 * and the next login whose `mfa_code` is a code of that key confirms it: the answer then also
 * carries the new recovery code.
 *
 * @example const mfa = await checkLoginMfa(ctx, connection, user, ro.mfa_code, origin, requested);
 */
export async function checkLoginMfa(
  ctx: HandlerContext,
  connection: ConnectionConfig,
  user: UserRecord,
  mfa_code: string | undefined,
  origin: AuditOrigin,
  requested = false,
): Promise<Result<MfaPassed | undefined, OAuthError>> {
  const fromConnection = ctx.mfa?.connections.get(connection.name);
  const settings = fromConnection ?? (requested && MFA_STRATEGIES.has(connection.strategy) ? { active: true, return_enroll_settings: enrollsAtLogin(connection) } : undefined);
  if (!settings) return mfa_code === undefined ? ok(undefined) : err(oauthError('mfa_code_not_allowed'));
  const store = ctx.deps.mfaEnrollments;
  // A Rule's request on a server without the MFA stores fails closed (start-up checks them only
  // for connections with `options.mfa`).
  if (!store || !ctx.mfa || !ctx.deps.usedAssertions || !ctx.deps.counters) {
    ctx.deps.logger?.error({ connection: connection.name }, 'a Rule or Action asked for MFA, but MFA needs deps.mfaEnrollments, deps.usedAssertions and deps.counters');
    return err(oauthError('temporarily_unavailable', 'MFA is not configured on this server'));
  }
  const enrollments = await store.listByUser(user.user_id);
  const confirmed = enrollments.find((e) => e.status === 'confirmed');
  if (confirmed) {
    if (mfa_code === undefined) return err(oauthError('mfa_required'));
    return verifyMfaCode(ctx, confirmed, mfa_code, origin, 'mfa_invalid_code');
  }
  if (!settings.return_enroll_settings) return err(oauthError('mfa_registration_required'));

  const pending = enrollments.filter((e) => e.status === 'pending').at(-1);
  if (pending && mfa_code !== undefined) {
    const confirming = await confirmMfaEnrollment(ctx, pending.id, mfa_code);
    if (confirming.ok) return ok({ enrollment_id: pending.id, recovery_code: confirming.value.recovery_code });
    if (confirming.error.code !== 'mfa_enrollment_not_found') return confirming;
  }
  let key = pending ? await openTotpSecret(pending.sealed_secret, pending.id, ctx.mfa.sealKey) : undefined;
  let qr = key === undefined ? undefined : otpauthUri({ issuer: ctx.mfa.issuerName, account: user.email ?? user.username ?? user.user_id, secret_base32: key });
  if (key === undefined) {
    const begun = await beginMfaEnrollment(ctx, user.user_id);
    if (!begun.ok) return begun;
    key = begun.value.secret_base32;
    qr = begun.value.otpauth_uri;
  }
  return err({
    ...oauthError('mfa_registration_required', ENROLL_DESCRIPTION),
    extra: { mfa_settings: { provider: 'google-authenticator', key, qr } },
  });
}
