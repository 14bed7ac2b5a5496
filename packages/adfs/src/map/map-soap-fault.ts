import { oauthError, type OAuthError } from '@oauth-ro/core/ports';
import { NS } from '../protocol/namespaces.js';
import type { SoapFault } from '../protocol/read-rstr.js';

/** Fault subcodes that mean "these credentials were not accepted" (WS-Trust 1.3 and WS-Security). */
const BAD_CREDENTIALS = new Set([`{${NS.trust}}FailedAuthentication`, `{${NS.wsse}}FailedAuthentication`]);

/**
 * Maps an ADFS SOAP fault: a failed authentication (ADFS says ID3242 for a wrong password, an
 * unknown, disabled or locked user alike) is 401 `invalid_user_password`, audited as `fp` since the
 * fault never says the user does not exist (no `unknownUser`, unlike `ad` and `waad`); any other fault
 * (unknown relying party, policy errors) is the connection's problem, 503 naming it.
 *
 * @example
 * mapSoapFault({ subcode: '{http://docs.oasis-open.org/ws-sx/ws-trust/200512}FailedAuthentication' }, 'fabrikam');
 */
export function mapSoapFault(fault: SoapFault, connection: string): OAuthError {
  if (fault.subcode && BAD_CREDENTIALS.has(fault.subcode)) return oauthError('invalid_user_password');
  const code = /\b(MSIS\d+|ID\d{4})\b/.exec(fault.reason ?? '')?.[1];
  return oauthError('temporarily_unavailable', `the ADFS server of connection ${connection} refused the request${code ? ` (${code})` : ''}`);
}
