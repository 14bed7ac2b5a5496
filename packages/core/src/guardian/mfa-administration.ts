import type { OAuthError } from '../errors/oauth-error.js';
import type { HandlerContext } from '../handlers/context.js';
import {
  beginMfaEnrollment,
  confirmMfaEnrollment,
  deleteMfaEnrollment,
  listMfaEnrollments,
  regenerateRecoveryCode,
  resetUserMfa,
  type BegunMfaEnrollment,
  type MfaEnrollmentListItem,
} from '../mfa/enrollment.js';
import type { Result } from '../util/result.js';

/**
 * MFA (TOTP) enrolment of an oauth-ro instance, for code that enrols users outside the ticket page:
 * the `oauth-ro users mfa` commands, or an embedder's own enrolment screen (docs/spec.md §5.10).
 * Each call audits like the Management API does.
 */
export interface MfaAdministration {
  /** A new pending enrolment (replacing an earlier pending one): its id, the key and its `otpauth://` URI, shown once. */
  begin(user_id: string, options?: { readonly name?: string }): Promise<Result<BegunMfaEnrollment, OAuthError>>;
  /** Confirms a pending enrolment with a code from the app (the user's MFA attempt limit applies); the recovery code, once. */
  confirm(enrollment_id: string, code: string): Promise<Result<{ recovery_code: string }, OAuthError>>;
  /** The user's enrolments in Auth0's `GET /api/v2/users/{id}/enrollments` shape. */
  list(user_id: string): Promise<MfaEnrollmentListItem[]>;
  /** Deletes one enrolment; true when it existed. */
  delete(enrollment_id: string): Promise<boolean>;
  /** Deletes every enrolment of the user; how many. */
  reset(user_id: string): Promise<number>;
  /** A new recovery code for the user's confirmed enrolment, once. */
  regenerateRecoveryCode(user_id: string): Promise<Result<{ recovery_code: string }, OAuthError>>;
}

/**
 * The {@link MfaAdministration} of a handler context (its stores and sealing key).
 *
 * @example const mfa = bindMfaAdministration(ctx); const begun = await mfa.begin('auth0|abc');
 */
export function bindMfaAdministration(ctx: HandlerContext): MfaAdministration {
  return {
    begin: (user_id, options) => beginMfaEnrollment(ctx, user_id, options),
    confirm: (enrollment_id, code) => confirmMfaEnrollment(ctx, enrollment_id, code),
    list: (user_id) => listMfaEnrollments(ctx, user_id),
    delete: (enrollment_id) => deleteMfaEnrollment(ctx, enrollment_id),
    reset: (user_id) => resetUserMfa(ctx, user_id),
    regenerateRecoveryCode: (user_id) => regenerateRecoveryCode(ctx, user_id),
  };
}
