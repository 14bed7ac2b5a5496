import type { OAuthError } from '../errors/oauth-error.js';
import type { AuditEvent } from '../ports/audit-sink.js';
import type { Result } from '../util/result.js';
import type { AuditOrigin } from './audit-origin.js';
import { failureDetails } from './failure-details.js';

/**
 * The audit event of `/passwordless/start`: `cs` (code sent by SMS) or `cls` (code or link sent by email; an SMS link is `cs` too),
 * `api_limit` when sends to the number or from the IP are throttled, `fn` when the sender failed.
 * It names the recipient (`user_name`), never the code.
 *
 * @example emitAudit(deps, codeSentEvent(origin, 'sms', sent));
 */
export function codeSentEvent(
  origin: AuditOrigin,
  strategy: 'sms' | 'email',
  outcome: Result<void, OAuthError>,
  send: 'code' | 'link' | 'link_ios' | 'link_android' = 'code',
): Omit<AuditEvent, 'date'> {
  if (outcome.ok) {
    const what = send === 'code' ? 'code' : 'link';
    return { type: strategy === 'sms' ? 'cs' : 'cls', ...origin, description: `Passwordless login ${what} sent by ${strategy}` };
  }
  return { type: outcome.error.code === 'too_many_requests' ? 'api_limit' : 'fn', ...origin, ...failureDetails(outcome.error) };
}
