import { oauthError, type OAuthError } from '@oauth-ro/core/ports';
import type { AadErrorBody } from '../protocol/request-token.js';

type Mapped =
  | { readonly code: 'invalid_user_password'; readonly unknownUser?: true }
  | { readonly code: 'unauthorized'; readonly description: string };

/**
 * AADSTS codes a user can cause, and what `/oauth/ro` answers for each (issue 5, docs/spec.md §3). Wrong
 * password and unknown user give the same answer; `unknownUser` only makes the audit event `fu`.
 *
 * @example AADSTS_ERRORS[50057]; // { code: 'unauthorized', description: 'user account is disabled' }
 */
export const AADSTS_ERRORS: Readonly<Record<number, Mapped>> = {
  50126: { code: 'invalid_user_password' }, // invalid username or password
  50034: { code: 'invalid_user_password', unknownUser: true }, // user does not exist in the directory
  50056: { code: 'invalid_user_password' }, // no password stored for the user
  50057: { code: 'unauthorized', description: 'user account is disabled' },
  50053: { code: 'unauthorized', description: 'user account is locked' },
  50055: { code: 'unauthorized', description: 'password has expired' },
  50144: { code: 'unauthorized', description: 'password has expired' }, // AD password expired (hybrid)
  50076: { code: 'unauthorized', description: 'multi-factor authentication is required' },
  50074: { code: 'unauthorized', description: 'multi-factor authentication is required' },
  50079: { code: 'unauthorized', description: 'multi-factor authentication enrollment is required' },
  50072: { code: 'unauthorized', description: 'multi-factor authentication enrollment is required' },
  53003: { code: 'unauthorized', description: 'sign-in was blocked by a conditional access policy' },
};

/**
 * The AADSTS code of an error body: `error_codes[0]`, else the `AADSTSnnnn:` prefix of the description.
 *
 * @example aadstsCode({ error: 'invalid_grant', error_codes: [50126] }); // 50126
 */
export function aadstsCode(body: AadErrorBody): number | undefined {
  const first = body.error_codes?.[0];
  if (first !== undefined) return first;
  const match = /^AADSTS(\d+)/.exec(body.error_description ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Maps an Entra ID refusal to the `/oauth/ro` error. Codes the user did not cause (bad client
 * secret, unknown application, missing consent, …) are the connection's problem: 503 naming it.
 *
 * @example
 * mapAadError({ error: 'invalid_grant', error_codes: [50057] }, 'contoso');
 * // { code: 'unauthorized', description: 'user account is disabled' }
 */
export function mapAadError(body: AadErrorBody, connection: string): OAuthError {
  const code = aadstsCode(body);
  const mapped = code === undefined ? undefined : AADSTS_ERRORS[code];
  if (mapped?.code === 'invalid_user_password') {
    return mapped.unknownUser ? { ...oauthError('invalid_user_password'), unknownUser: true } : oauthError('invalid_user_password');
  }
  if (mapped?.code === 'unauthorized') return oauthError('unauthorized', mapped.description);
  const which = code === undefined ? body.error : `AADSTS${code}`;
  return oauthError('temporarily_unavailable', `the Azure AD tenant of connection ${connection} refused the login (${which})`);
}
