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

/** Auth0's description of `a0.mfa_registration_required` with enrolment settings (its spelling). */
const ENROLL_DESCRIPTION = 'MFA registration is required. Generated keys for enrollement';

/**
 * The second factor of a password login at `/oauth/ro` (docs/spec.md §5.9), once the password is
 * right and before any token is minted. On a connection without active `options.mfa`: nothing
 * (ok, undefined). Otherwise, a user with a confirmed enrolment must send `mfa_code` (a TOTP code
 * or the recovery code): none → `a0.mfa_required`, wrong → `a0.mfa_invalid_code`. A user without
 * one gets `a0.mfa_registration_required`; with `return_enroll_settings` it carries `mfa_settings`
 * (`provider`, `key`, `qr`) of a pending enrolment (kept until replaced), and the next login whose
 * `mfa_code` is a code of that key confirms it: the answer then also carries the new recovery code.
 *
 * @example const mfa = await checkLoginMfa(ctx, connection, user, ro.mfa_code, origin);
 */
export async function checkLoginMfa(
  ctx: HandlerContext,
  connection: ConnectionConfig,
  user: UserRecord,
  mfa_code: string | undefined,
  origin: AuditOrigin,
): Promise<Result<MfaPassed | undefined, OAuthError>> {
  const settings = ctx.mfa?.connections.get(connection.name);
  const store = ctx.deps.mfaEnrollments;
  if (!settings || !store || !ctx.mfa) return ok(undefined);
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
