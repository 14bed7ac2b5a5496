import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { normalizeIdentifier } from './normalize-identifier.js';

/**
 * Longest login identifier, counted after normalisation (NFKC can make one character eighteen):
 * an email address's limit, which also bounds usernames and phone numbers.
 */
export const MAX_IDENTIFIER_LENGTH = 254;

/**
 * Characters no identifier may hold: controls, format characters (zero-width space and joiners,
 * bidirectional controls, soft hyphen: `Cf`), other default-ignorable code points (Hangul fillers,
 * variation selectors), private-use, unassigned surrogates and line/paragraph separators. Each
 * would let two accounts look alike, or one look like another.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Refuses a login identifier (email, username, phone number) that holds an invisible or format
 * character or a lone surrogate, or that is longer than {@link MAX_IDENTIFIER_LENGTH} once
 * normalised: `invalid_parameter` naming it (400 `invalid_request`); undefined when it is fine.
 *
 * @example checkIdentifier('username', 'al\u200Bice@example.com'); // { code: 'invalid_parameter', … }
 */
export function checkIdentifier(name: string, value: string): OAuthError | undefined {
  if (INVISIBLE.test(value)) return oauthError('invalid_parameter', `${name} must not contain invisible, format or control characters`);
  if (normalizeIdentifier(value).length > MAX_IDENTIFIER_LENGTH) return oauthError('invalid_parameter', `${name} is too long`);
  return undefined;
}
