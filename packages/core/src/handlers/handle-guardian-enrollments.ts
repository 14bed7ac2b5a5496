import { oauthError } from '../errors/oauth-error.js';
import { deleteMfaEnrollment, listMfaEnrollments, regenerateRecoveryCode, resetUserMfa } from '../mfa/enrollment.js';
import { errorResponse, jsonResponse, noContent } from '../http/respond.js';
import type { OAuthRequest } from '../http/types.js';
import { adminRoute } from './admin-route.js';
import type { HandlerContext } from './context.js';
import { pathId } from './path-id.js';

/** Longest enrolment id accepted in a path (`totp|dev_…` ids are far shorter). */
const MAX_ENROLLMENT_ID = 128;

const NO_STORE = oauthError('temporarily_unavailable', 'MFA enrolment is not configured (no enrolment store)');
const NO_ENROLLMENT = oauthError('mfa_enrollment_not_found');

/** The `{id}` of `/api/v2/users/{id}/<suffix>`, decoded; undefined when it does not decode. */
function userIdBefore(request: OAuthRequest, suffix: string): string | undefined {
  return pathId({ path: request.path.replace(/\/+$/, '').slice(0, -(suffix.length + 1)) }, 512);
}

/** The enrolment of `id` in Auth0's shape, with its user; undefined when there is none. */
async function enrollmentById(ctx: HandlerContext, id: string) {
  const record = await ctx.deps.mfaEnrollments!.get(id);
  if (!record) return undefined;
  const item = (await listMfaEnrollments(ctx, record.user_id)).find((e) => e.id === id);
  return item === undefined ? undefined : { item, user_id: record.user_id };
}

/**
 * `GET /api/v2/users/{user_id}/enrollments` (admin token), Auth0's Management API: the user's MFA
 * enrolments, pending and confirmed, oldest first (docs/spec.md §5.10). 404 for an unknown user.
 *
 * @example // 200 [{"id":"totp|dev_…","status":"confirmed","type":"authenticator","auth_method":"authenticator","enrolled_at":"…"}]
 */
export const handleAdminListUserEnrollments = adminRoute('Get user enrollments', async (ctx, request) => {
  const user_id = userIdBefore(request, 'enrollments');
  const user = user_id === undefined ? undefined : await ctx.deps.users.findById(user_id);
  if (!user) return { response: errorResponse(oauthError('user_not_found')), ...(user_id === undefined ? {} : { user_id }) };
  if (!ctx.deps.mfaEnrollments) return { response: jsonResponse(200, []), user_id: user.user_id };
  return { response: jsonResponse(200, await listMfaEnrollments(ctx, user.user_id)), user_id: user.user_id };
});

/**
 * `GET /api/v2/guardian/enrollments/{id}` (admin token): one enrolment in Auth0's shape; 404
 * `not_found` for an unknown id (docs/spec.md §5.10).
 *
 * @example // 200 {"id":"totp|dev_…","status":"pending",…}
 */
export const handleAdminGetEnrollment = adminRoute('Get a guardian enrollment', async (ctx, request) => {
  const id = pathId(request, MAX_ENROLLMENT_ID);
  if (!ctx.deps.mfaEnrollments) return { response: errorResponse(NO_ENROLLMENT) };
  const found = id === undefined ? undefined : await enrollmentById(ctx, id);
  if (!found) return { response: errorResponse(NO_ENROLLMENT) };
  return { response: jsonResponse(200, found.item), user_id: found.user_id };
});

/**
 * `DELETE /api/v2/guardian/enrollments/{id}` (admin token): deletes the enrolment (the user then
 * logs in without a code, or enrols again); 204, also for an unknown id, as Auth0 answered
 * (docs/spec.md §5.10).
 *
 * @example // 204
 */
export const handleAdminDeleteEnrollment = adminRoute('Delete a guardian enrollment', async (ctx, request) => {
  const id = pathId(request, MAX_ENROLLMENT_ID);
  if (id === undefined || !ctx.deps.mfaEnrollments) return { response: noContent() };
  const record = await ctx.deps.mfaEnrollments.get(id);
  await deleteMfaEnrollment(ctx, id);
  return { response: noContent(), ...(record ? { user_id: record.user_id } : {}) };
});

/**
 * `POST /api/v2/users/{user_id}/recovery-code-regeneration` (admin token): a new recovery code for
 * the user's confirmed enrolment, the old one dead; 200 `{"recovery_code"}` shown this once
 * (docs/spec.md §5.10). 404 for an unknown user or one without a confirmed enrolment.
 *
 * @example // 200 {"recovery_code":"K6LGLV3RSH3VERMKET8L7QKU"}
 */
export const handleAdminRegenerateRecoveryCode = adminRoute('Regenerate recovery code', async (ctx, request) => {
  const user_id = userIdBefore(request, 'recovery-code-regeneration');
  const user = user_id === undefined ? undefined : await ctx.deps.users.findById(user_id);
  if (!user) return { response: errorResponse(oauthError('user_not_found')), ...(user_id === undefined ? {} : { user_id }) };
  if (!ctx.deps.mfaEnrollments) return { response: errorResponse(NO_STORE), user_id: user.user_id };
  const result = await regenerateRecoveryCode(ctx, user.user_id);
  if (!result.ok) return { response: errorResponse(result.error), user_id: user.user_id };
  return { response: jsonResponse(200, { recovery_code: result.value.recovery_code }), user_id: user.user_id };
});

/** The providers of Auth0's legacy `DELETE /api/v2/users/{id}/multifactor/{provider}` that mean TOTP here. */
const TOTP_PROVIDERS = new Set(['google-authenticator', 'guardian']);

/**
 * `DELETE /api/v2/users/{user_id}/multifactor/{provider}` (admin token), Auth0's legacy reset of a
 * user's MFA (`google-authenticator`, `guardian`): deletes every enrolment of the user, who then
 * logs in without a code until enrolled again; 204 (docs/spec.md §5.10). 404 for an unknown user;
 * 400 for another provider (`duo`).
 *
 * @example // DELETE /api/v2/users/auth0%7C5f8a/multifactor/google-authenticator → 204
 */
export const handleAdminResetUserMfa = adminRoute('Delete a user multifactor provider', async (ctx, request) => {
  const segments = request.path.replace(/\/+$/, '').split('/');
  const provider = segments.pop() ?? '';
  const user_id = userIdBefore({ ...request, path: segments.join('/') }, 'multifactor');
  const user = user_id === undefined ? undefined : await ctx.deps.users.findById(user_id);
  if (!user) return { response: errorResponse(oauthError('user_not_found')), ...(user_id === undefined ? {} : { user_id }) };
  if (!TOTP_PROVIDERS.has(provider)) return { response: errorResponse(oauthError('invalid_parameter', 'provider must be google-authenticator or guardian')), user_id: user.user_id };
  if (ctx.deps.mfaEnrollments) await resetUserMfa(ctx, user.user_id);
  return { response: noContent(), user_id: user.user_id };
});
