import type { OAuthError } from '../errors/oauth-error.js';
import type { AuditEvent, AuditEventType } from '../ports/audit-sink.js';
import type { UserRecord } from '../ports/user-store.js';
import type { Result } from '../util/result.js';
import type { AuditOrigin } from './audit-origin.js';
import { failureDetails } from './failure-details.js';

const DIRECTORY_STRATEGIES = new Set(['ad', 'waad', 'adfs']);

/**
 * Auth0's event type of a failed login: `fu` unknown user, `fp` wrong password, `limit_wc` the
 * account blocked for this IP after consecutive failures, `limit_mu` the IP throttled across users,
 * `fc` a directory that could not be reached, `f` anything else (blocked user, disabled AD account,
 * wrong passwordless code, bad device assertion, unknown client or connection).
 *
 * @example loginFailureType(oauthError('too_many_attempts'), 'auth0'); // 'limit_wc'
 */
export function loginFailureType(error: OAuthError, strategy: string | undefined): AuditEventType {
  switch (error.code) {
    case 'invalid_user_password':
      return error.unknownUser ? 'fu' : 'fp';
    case 'too_many_attempts':
      return 'limit_wc';
    case 'too_many_requests':
      return 'limit_mu';
    case 'temporarily_unavailable':
      return strategy !== undefined && DIRECTORY_STRATEGIES.has(strategy) ? 'fc' : 'f';
    default:
      return 'f';
  }
}

/**
 * The audit event of one login outcome (`/oauth/ro`, any grant and strategy): `s` with the user's
 * id, or the failure's type with its error code.
 *
 * @example emitAudit(deps, loginEvent(origin, user)); // { type: 's', user_id: 'auth0|…', … } or { type: 'fp', … }
 */
export function loginEvent(origin: AuditOrigin, outcome: Result<UserRecord, OAuthError>): Omit<AuditEvent, 'date'> {
  if (outcome.ok) return { type: 's', ...origin, user_id: outcome.value.user_id, description: 'Successful login' };
  return { type: loginFailureType(outcome.error, origin.strategy), ...origin, ...failureDetails(outcome.error) };
}
