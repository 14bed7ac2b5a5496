import type { AuditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { HandlerContext } from '../handlers/context.js';
import type { MfaEnrollmentRecord } from '../ports/mfa-enrollment-store.js';
import { constantTimeEqual } from '../util/constant-time.js';
import { err, ok, type Result } from '../util/result.js';
import { guardMfaAttempt } from './guard-mfa-attempt.js';
import { generateRecoveryCode, hashRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';
import { verifyTotp } from './verify-totp.js';

/** A second factor that passed: with a recovery code, the new recovery code that replaced it. */
export interface MfaPassed {
  readonly enrollment_id: string;
  readonly recovery_code?: string;
  /**
   * With a recovery code: gives the spent code back (if the new one is still current), for a login
   * refused after the second factor (Rules and Actions of an `mfa-otp` completion, minting), so
   * that the user keeps a code they know.
   */
  readonly undo?: () => Promise<void>;
}

/**
 * The mistake to answer for a wrong code: `a0.mfa_invalid_code` at `/oauth/ro`, `invalid_grant`
 * `Invalid otp_code.` at `/oauth/token`.
 */
export type WrongCodeError = 'mfa_invalid_code' | 'invalid_otp_grant';

/**
 * Checks a second factor against a confirmed enrolment, under the user's MFA attempt limit
 * (docs/spec.md §5.9): six digits are a TOTP code (±1 step, each step once); a 24-character code
 * is the recovery code, compared by its SHA-256 in constant time and spent atomically
 * (`swapRecoveryCode`): the answer carries the new one. Audits `gd_auth_succeed`/`gd_auth_failed`,
 * `gd_recovery_succeed`/`gd_recovery_failed`, `gd_otp_rate_limit_exceed`.
 *
 * @example const passed = await verifyMfaCode(ctx, enrollment, '287082', origin, 'mfa_invalid_code');
 */
export async function verifyMfaCode(
  ctx: HandlerContext,
  record: MfaEnrollmentRecord,
  code: string,
  origin: AuditOrigin,
  wrong: WrongCodeError,
): Promise<Result<MfaPassed, OAuthError>> {
  const store = ctx.deps.mfaEnrollments;
  if (!store) return err(oauthError('temporarily_unavailable', 'MFA is not configured on this server'));
  const event = { ...origin, user_id: record.user_id } as const;
  const recovery = normalizeRecoveryCode(code);
  const result = await guardMfaAttempt(ctx, record.user_id, async (): Promise<Result<MfaPassed, OAuthError>> => {
    if (recovery === undefined) {
      const outcome = await verifyTotp(ctx, record, code.trim());
      if (outcome === 'unreadable') {
        ctx.deps.logger?.error({ enrollment_id: record.id }, 'an MFA secret could not be opened (key-encryption key changed, or a development key after a restart)');
        return err(oauthError('server_error'));
      }
      if (outcome !== 'accepted') {
        emitAudit(ctx.deps, { type: 'gd_auth_failed', ...event, description: outcome === 'replayed' ? 'Code already used.' : 'Wrong or expired code.' });
        return err(oauthError(wrong));
      }
      await store.touch(record.id, ctx.deps.clock.now());
      emitAudit(ctx.deps, { type: 'gd_auth_succeed', ...event, description: 'Second factor verified' });
      return ok({ enrollment_id: record.id });
    }
    const hash = await hashRecoveryCode(recovery);
    const matches = record.recovery_code_hash !== undefined && constantTimeEqual(hash, record.recovery_code_hash);
    const fresh = generateRecoveryCode(ctx.deps.random);
    const freshHash = await hashRecoveryCode(fresh);
    if (!matches || !(await store.swapRecoveryCode(record.id, hash, freshHash))) {
      emitAudit(ctx.deps, { type: 'gd_recovery_failed', ...event, description: 'Wrong or used recovery code.' });
      return err(oauthError(wrong));
    }
    await store.touch(record.id, ctx.deps.clock.now());
    emitAudit(ctx.deps, { type: 'gd_recovery_succeed', ...event, description: 'Recovery code used; a new one was issued' });
    const undo = async () => {
      await store.swapRecoveryCode(record.id, freshHash, hash);
    };
    return ok({ enrollment_id: record.id, recovery_code: fresh, undo });
  });
  if (!result.ok && result.error.code === 'too_many_attempts') {
    emitAudit(ctx.deps, { type: 'gd_otp_rate_limit_exceed', ...event, description: 'Too many failed MFA attempts.' });
  }
  return result;
}
