import { auditOrigin } from '../../audit/audit-origin.js';
import { emitAudit } from '../../audit/emit-audit.js';
import { loginEvent } from '../../audit/login-event.js';
import { resolveConnection } from '../../config/resolve-client.js';
import type { ClientConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import { errorResponse, jsonResponse } from '../../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../../http/types.js';
import { MFA_TOKEN_LIFETIME_S, openMfaToken } from '../../mfa/mfa-token.js';
import { verifyMfaCode } from '../../mfa/verify-mfa-code.js';
import { err, ok } from '../../util/result.js';
import { missing } from '../../validation/read-params.js';
import type { HandlerContext } from '../context.js';
import { resolveApi, userTokens } from './respond-user-tokens.js';
import type { TokenParams } from './token-params.js';

/**
 * `grant_type=http://auth0.com/oauth/grant-type/mfa-otp` (docs/spec.md §5.9): completes a password
 * login that answered `mfa_required`. The `mfa_token` must be this server's, unexpired, for this
 * client, and unused; `otp` a TOTP code (or the recovery code) of the user's confirmed enrolment,
 * under the same replay marks and attempt limit as `/oauth/ro`. The tokens are those of the
 * original login (its connection, scope, audience, device); the token is then spent. A wrong code
 * leaves the token usable until it expires.
 *
 * @example await grantMfaOtp(ctx, request, client, { mfa_token, otp: '287082' });
 */
export async function grantMfaOtp(ctx: HandlerContext, request: OAuthRequest, client: ClientConfig, p: TokenParams): Promise<OAuthResponse> {
  if (!p.mfa_token) return errorResponse(missing('mfa_token').error);
  if (!p.otp) return errorResponse(missing('otp').error);
  let origin = auditOrigin(request, { client_id: client.client_id });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, loginEvent(origin, err(error)));
    return errorResponse(error);
  };
  const store = ctx.deps.mfaEnrollments;
  if (!ctx.mfa || !store) return refuse(oauthError('malformed_mfa_token'));
  const now = ctx.deps.clock.now();
  const claims = await openMfaToken(ctx.mfa, p.mfa_token, now);
  if (claims === 'expired') return refuse(oauthError('expired_mfa_token'));
  if (claims === 'malformed' || claims.azp !== client.client_id) return refuse(oauthError('malformed_mfa_token'));
  origin = { ...origin, connection: claims.connection };
  const connection = resolveConnection(ctx.index, client, claims.connection);
  if (!connection.ok) return refuse(connection.error);
  origin = { ...origin, strategy: connection.value.strategy };
  const api = resolveApi(ctx, claims.audience);
  if (!api.ok) return refuse(api.error);
  const user = await ctx.deps.users.findById(claims.sub);
  if (!user) return refuse(oauthError('malformed_mfa_token'));
  if (user.blocked) return refuse(oauthError('unauthorized'));
  const enrollment = (await store.listByUser(user.user_id)).find((e) => e.status === 'confirmed');
  if (!enrollment) return refuse(oauthError('invalid_otp_grant', 'User is not enrolled with Google Authenticator'));
  const passed = await verifyMfaCode(ctx, enrollment, p.otp, origin, 'invalid_otp_grant');
  if (!passed.ok) return refuse(passed.error);
  // Spent once the second factor passed: a second redemption (in parallel too) is refused.
  const used = ctx.deps.usedAssertions;
  if (used && !(await used.markUsed(`mfa_token:${claims.jti}`, (claims.exp + MFA_TOKEN_LIFETIME_S) * 1000, now))) {
    return refuse(oauthError('malformed_mfa_token'));
  }
  const params = { ...(claims.scope === undefined ? {} : { scope: claims.scope }), ...(claims.device === undefined ? {} : { device: claims.device }) };
  // Rules and Actions run again, told the second factor passed (`authentication.methods` 'mfa').
  const login = { connection: connection.value, protocol: 'oauth2-password', mfaPassedAt: ctx.deps.clock.now() } as const;
  const body = await userTokens(ctx, request, client, user, api.value, params, 'mfa', login);
  if (!body.ok) {
    await passed.value.undo?.();
    return refuse(body.error);
  }
  emitAudit(ctx.deps, loginEvent(origin, ok(user)));
  return jsonResponse(200, passed.value.recovery_code === undefined ? body.value : { ...body.value, recovery_code: passed.value.recovery_code });
}
