import type { OAuthError } from '../errors/oauth-error.js';
import type { AuditEvent } from '../ports/audit-sink.js';
import type { Result } from '../util/result.js';
import type { AuditOrigin } from './audit-origin.js';
import { failureDetails } from './failure-details.js';

/** What a successful exchange hands back about its user. */
export interface ExchangedFor {
  readonly user_id: string;
}

/**
 * The audit event of a refresh token exchanged at `/oauth/token`: `sertft` or `fertft`.
 *
 * @example emitAudit(deps, refreshExchangeEvent(origin, ok({ user_id })));
 */
export function refreshExchangeEvent(origin: AuditOrigin, outcome: Result<ExchangedFor, OAuthError>): Omit<AuditEvent, 'date'> {
  if (outcome.ok) return { type: 'sertft', ...origin, user_id: outcome.value.user_id, description: 'Refresh token exchanged for an access token' };
  return { type: 'fertft', ...origin, ...failureDetails(outcome.error) };
}

/**
 * The audit event of `/delegation`: `sd` or `fd`; `target` is the client the new id_token is for.
 *
 * @example emitAudit(deps, delegationEvent(origin, ok({ user_id }), 'other-app'));
 */
export function delegationEvent(origin: AuditOrigin, outcome: Result<ExchangedFor, OAuthError>, target?: string): Omit<AuditEvent, 'date'> {
  if (outcome.ok) {
    return { type: 'sd', ...origin, user_id: outcome.value.user_id, description: 'Delegation token issued', ...(target === undefined ? {} : { details: { target } }) };
  }
  return { type: 'fd', ...origin, ...failureDetails(outcome.error) };
}

/**
 * The audit event of a refresh token revoked at `/oauth/revoke` (`srrt`), with how many tokens of
 * its family were revoked. Unknown tokens leave no event: the endpoint answers them alike.
 *
 * @example emitAudit(deps, revocationEvent(origin, 'auth0|5f8a…', 2));
 */
export function revocationEvent(origin: AuditOrigin, user_id: string, revoked: number): Omit<AuditEvent, 'date'> {
  return { type: 'srrt', ...origin, user_id, description: 'Refresh token revoked', details: { revoked } };
}

/**
 * The audit event of `client_credentials` at `/oauth/token`: `seccft` (with the API) or `feccft`.
 *
 * @example emitAudit(deps, clientCredentialsEvent(origin, ok({ audience: 'https://api.example.com/' })));
 */
export function clientCredentialsEvent(origin: AuditOrigin, outcome: Result<{ readonly audience: string }, OAuthError>): Omit<AuditEvent, 'date'> {
  if (outcome.ok) {
    return { type: 'seccft', ...origin, description: 'Client credentials exchanged for an access token', details: { audience: outcome.value.audience } };
  }
  return { type: 'feccft', ...origin, ...failureDetails(outcome.error) };
}
