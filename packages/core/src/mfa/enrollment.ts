import { emitAudit } from '../audit/emit-audit.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { HandlerContext } from '../handlers/context.js';
import type { MfaEnrollmentRecord, MfaEnrollmentStore } from '../ports/mfa-enrollment-store.js';
import { base64UrlEncode } from '../util/encoding.js';
import { err, ok, type Result } from '../util/result.js';
import { guardMfaAttempt } from './guard-mfa-attempt.js';
import type { MfaContext } from './prepare-mfa.js';
import { generateRecoveryCode, hashRecoveryCode } from './recovery-code.js';
import { sealTotpSecret } from './seal-secret.js';
import { base32Encode, otpauthUri } from './totp.js';
import { verifyTotp } from './verify-totp.js';

/** A TOTP secret of 160 bits (RFC 4226's recommended length; 32 base32 characters). */
const SECRET_BYTES = 20;
const NAME_MAX = 100;

/** A new enrolment, as the ticket page or the login that enrols shows it. The secret is shown once. */
export interface BegunMfaEnrollment {
  readonly enrollment: MfaEnrollmentRecord;
  readonly secret_base32: string;
  readonly otpauth_uri: string;
}

/** One enrolment in the shape of Auth0's `GET /api/v2/users/{id}/enrollments`. */
export interface MfaEnrollmentListItem {
  readonly id: string;
  readonly status: 'pending' | 'confirmed';
  readonly type: 'authenticator';
  readonly auth_method: 'authenticator';
  readonly name?: string;
  /** ISO-8601: when the enrolment was confirmed (pending: when it was begun). */
  readonly enrolled_at: string;
  /** ISO-8601: the last successful MFA with it. */
  readonly last_auth?: string;
}

const unavailable = () => oauthError('temporarily_unavailable', 'MFA is not configured on this server');

function mfaParts(ctx: HandlerContext): { store: MfaEnrollmentStore; mfa: MfaContext } | undefined {
  const store = ctx.deps.mfaEnrollments;
  return store && ctx.mfa ? { store, mfa: ctx.mfa } : undefined;
}

/**
 * Starts an enrolment of `user_id` in TOTP: a new secret, sealed with the key-encryption key
 * (docs/spec.md §5.9), stored as the user's `pending` enrolment (replacing an earlier pending
 * one). It becomes active once a code from the app is confirmed ({@link confirmMfaEnrollment}).
 *
 * @example const begun = await beginMfaEnrollment(ctx, 'auth0|abc', { name: 'Phone' }); // begun.value.otpauth_uri
 */
export async function beginMfaEnrollment(
  ctx: HandlerContext,
  user_id: string,
  options: { readonly name?: string } = {},
): Promise<Result<BegunMfaEnrollment, OAuthError>> {
  const parts = mfaParts(ctx);
  if (!parts) return err(unavailable());
  const user = await ctx.deps.users.findById(user_id);
  if (!user) return err(oauthError('user_not_found'));
  const secret_base32 = base32Encode(ctx.deps.random.bytes(SECRET_BYTES));
  const id = `totp|dev_${base64UrlEncode(ctx.deps.random.bytes(12))}`;
  const name = options.name?.trim().slice(0, NAME_MAX);
  const enrollment: MfaEnrollmentRecord = {
    id,
    user_id,
    type: 'authenticator',
    status: 'pending',
    sealed_secret: await sealTotpSecret(secret_base32, id, parts.mfa.sealKey),
    ...(name ? { name } : {}),
    created_at: ctx.deps.clock.now(),
  };
  await parts.store.put(enrollment);
  emitAudit(ctx.deps, { type: 'gd_start_enroll', user_id, description: 'MFA enrollment started', details: { enrollment_id: id } });
  const account = user.email ?? user.username ?? user.phone_number ?? user.user_id;
  return ok({ enrollment, secret_base32, otpauth_uri: otpauthUri({ issuer: parts.mfa.issuerName, account, secret_base32 }) });
}

/**
 * Confirms the pending enrolment `enrollment_id` with a code from the authenticator app (under the
 * user's MFA attempt limit, replay-marked like a login code): it becomes the user's one confirmed
 * enrolment (replacing an earlier one) and gets a recovery code, returned once and stored only as
 * its SHA-256. Errors: `mfa_enrollment_not_found` (unknown, already confirmed), `mfa_invalid_code`,
 * `too_many_attempts`.
 *
 * @example const confirmed = await confirmMfaEnrollment(ctx, 'totp|dev_abc', '287082'); // confirmed.value.recovery_code
 */
export async function confirmMfaEnrollment(
  ctx: HandlerContext,
  enrollment_id: string,
  code: string,
): Promise<Result<{ recovery_code: string }, OAuthError>> {
  const parts = mfaParts(ctx);
  if (!parts) return err(unavailable());
  const record = await parts.store.get(enrollment_id);
  if (record?.status !== 'pending') return err(oauthError('mfa_enrollment_not_found'));
  return guardMfaAttempt(ctx, record.user_id, async () => {
    const outcome = await verifyTotp(ctx, record, code.trim());
    if (outcome === 'unreadable') return err(oauthError('mfa_enrollment_not_found', 'The enrollment can no longer be read; start a new one.'));
    if (outcome !== 'accepted') {
      emitAudit(ctx.deps, { type: 'gd_auth_failed', user_id: record.user_id, description: 'Wrong or expired code.', details: { enrollment_id } });
      return err(oauthError('mfa_invalid_code'));
    }
    const recovery_code = generateRecoveryCode(ctx.deps.random);
    if (!(await parts.store.confirm(enrollment_id, ctx.deps.clock.now(), await hashRecoveryCode(recovery_code)))) {
      return err(oauthError('mfa_enrollment_not_found'));
    }
    emitAudit(ctx.deps, { type: 'gd_enrollment_complete', user_id: record.user_id, description: 'MFA enrollment confirmed', details: { enrollment_id } });
    return ok({ recovery_code });
  });
}

/**
 * The user's enrolments in Auth0's `GET /api/v2/users/{id}/enrollments` item shape (no secret, no
 * hash). Empty without an enrolment store.
 *
 * @example await listMfaEnrollments(ctx, 'auth0|abc'); // [{ id: 'totp|dev_…', status: 'confirmed', type: 'authenticator', … }]
 */
export async function listMfaEnrollments(ctx: HandlerContext, user_id: string): Promise<MfaEnrollmentListItem[]> {
  const store = ctx.deps.mfaEnrollments;
  if (!store) return [];
  const iso = (ms: number) => new Date(ms).toISOString();
  return (await store.listByUser(user_id)).map((e) => ({
    id: e.id,
    status: e.status,
    type: e.type,
    auth_method: 'authenticator' as const,
    ...(e.name ? { name: e.name } : {}),
    enrolled_at: iso(e.confirmed_at ?? e.created_at),
    ...(e.last_auth_at === undefined ? {} : { last_auth: iso(e.last_auth_at) }),
  }));
}

/**
 * Deletes one enrolment (`DELETE /api/v2/guardian/enrollments/{id}`); true when it existed.
 *
 * @example await deleteMfaEnrollment(ctx, 'totp|dev_abc'); // true
 */
export async function deleteMfaEnrollment(ctx: HandlerContext, id: string): Promise<boolean> {
  const store = ctx.deps.mfaEnrollments;
  if (!store) return false;
  const record = await store.get(id);
  const deleted = await store.delete(id);
  if (deleted) emitAudit(ctx.deps, { type: 'gd_unenroll', ...(record ? { user_id: record.user_id } : {}), description: 'MFA enrollment deleted', details: { enrollment_id: id } });
  return deleted;
}

/**
 * Deletes every enrolment of the user (`oauth-ro users mfa reset`): the next login under MFA asks
 * them to enrol again. Returns how many were deleted.
 *
 * @example await resetUserMfa(ctx, 'auth0|abc'); // 1
 */
export async function resetUserMfa(ctx: HandlerContext, user_id: string): Promise<number> {
  const store = ctx.deps.mfaEnrollments;
  if (!store) return 0;
  const deleted = await store.deleteByUser(user_id);
  if (deleted > 0) emitAudit(ctx.deps, { type: 'gd_unenroll', user_id, description: 'MFA reset', details: { deleted } });
  return deleted;
}

/**
 * A new recovery code for the user's confirmed enrolment (the old one stops working), returned once.
 * `mfa_enrollment_not_found` when the user has no confirmed enrolment.
 *
 * @example const fresh = await regenerateRecoveryCode(ctx, 'auth0|abc'); // fresh.value.recovery_code
 */
export async function regenerateRecoveryCode(ctx: HandlerContext, user_id: string): Promise<Result<{ recovery_code: string }, OAuthError>> {
  const parts = mfaParts(ctx);
  if (!parts) return err(unavailable());
  const confirmed = (await parts.store.listByUser(user_id)).find((e) => e.status === 'confirmed');
  if (!confirmed) return err(oauthError('mfa_enrollment_not_found', 'The user has no confirmed MFA enrollment.'));
  const recovery_code = generateRecoveryCode(ctx.deps.random);
  if (!(await parts.store.swapRecoveryCode(confirmed.id, undefined, await hashRecoveryCode(recovery_code)))) {
    return err(oauthError('mfa_enrollment_not_found', 'The user has no confirmed MFA enrollment.'));
  }
  return ok({ recovery_code });
}
