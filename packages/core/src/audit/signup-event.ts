import type { OAuthError } from '../errors/oauth-error.js';
import type { AuditEvent } from '../ports/audit-sink.js';
import type { UserRecord } from '../ports/user-store.js';
import type { Result } from '../util/result.js';
import type { AuditOrigin } from './audit-origin.js';
import { failureDetails } from './failure-details.js';

/**
 * The audit event of a sign-up: `ss` with the new user's id, `limit_mu` when the IP's sign-up
 * budget is spent (Auth0 files both throttles under it), `fs` for any other refusal.
 *
 * @example emitAudit(deps, signupEvent(origin, created));
 */
export function signupEvent(origin: AuditOrigin, outcome: Result<UserRecord, OAuthError>): Omit<AuditEvent, 'date'> {
  if (outcome.ok) return { type: 'ss', ...origin, user_id: outcome.value.user_id, description: 'Successful signup' };
  return { type: outcome.error.code === 'too_many_requests' ? 'limit_mu' : 'fs', ...origin, ...failureDetails(outcome.error) };
}
