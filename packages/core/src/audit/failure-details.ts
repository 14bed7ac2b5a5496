import { errorWire, type OAuthError } from '../errors/oauth-error.js';
import type { AuditEvent } from '../ports/audit-sink.js';

/**
 * What an audit event says about a failure: the contract's `error_description` and, in `details`,
 * the stable error code. Error descriptions name parameters and states, never their secret values.
 *
 * @example failureDetails(oauthError('too_many_attempts')); // { description: 'Your account has been blocked…', details: { error: 'too_many_attempts' } }
 */
export function failureDetails(error: OAuthError): Pick<AuditEvent, 'description' | 'details'> {
  return { description: errorWire(error).body.error_description, details: { error: error.code } };
}
