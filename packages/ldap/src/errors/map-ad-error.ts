import { oauthError, type OAuthError } from '@oauth-ro/core/ports';
import { InvalidCredentialsError } from 'ldapts';
import { unavailable } from './unavailable.js';
import { unknownUser } from './unknown-user.js';

/**
 * What Active Directory's `data` code in a failed bind's diagnostic message
 * (`80090308: LdapErr: DSID-0C09030B, comment: AcceptSecurityContext error, data 775, v4563`) means.
 * The codes are Win32 errors in hex; Samba AD sends the same ones.
 */
const AD_DATA_CODES: Readonly<Record<string, string | null>> = {
  '525': null, // ERROR_NO_SUCH_USER (audited as an unknown user)
  '52e': null, // ERROR_LOGON_FAILURE: wrong password
  '530': 'logon is not permitted at this time',
  '531': 'logon is not permitted from this workstation',
  '532': 'password has expired',
  '533': 'account is disabled',
  '701': 'account has expired',
  '773': 'password must be changed before logging on',
  '775': 'account is locked',
};

/**
 * The AD `data` code of a bind error's diagnostic message, lower-cased, if it has one.
 *
 * @example
 * adDataCode('... AcceptSecurityContext error, data 533, v893'); // '533'
 */
export function adDataCode(message: string): string | undefined {
  return /\bdata ([0-9a-f]{3,8})\b/i.exec(message)?.[1]?.toLowerCase();
}

/**
 * Maps a failed user bind to the contract (docs/spec.md §3): wrong password or unknown user → 401
 * `invalid_user_password` (marked `unknownUser` for the audit log when AD says `525`); an account state AD reports (disabled, locked, expired, password expired,
 * must change password, logon hours, workstation) → 401 `unauthorized` saying which; anything that is
 * not an LDAP answer (refused, reset, timed out, TLS) → 503 naming the connection.
 *
 * @example
 * mapAdError(new InvalidCredentialsError('... data 775, v893'), 'corp'); // unauthorized: 'account is locked'
 */
export function mapAdError(error: unknown, connection: string): OAuthError {
  if (error instanceof InvalidCredentialsError) {
    const code = adDataCode(error.message);
    if (code === '525') return unknownUser();
    const state = code === undefined ? undefined : AD_DATA_CODES[code];
    return state ? oauthError('unauthorized', state) : oauthError('invalid_user_password');
  }
  return unavailable(connection);
}
