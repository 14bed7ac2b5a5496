import { looksLikeEmail, normalizeIdentifier } from '../validation/normalize-identifier.js';
import { normalizePhoneNumber } from './normalize-phone.js';

/**
 * The recipient of a passwordless connection in its stored form: E.164 for `sms`, the normalised
 * address for `email`; undefined when the input is not one.
 *
 * @example normalizeRecipient('email', ' Ann@Example.com'); // 'ann@example.com'
 */
export function normalizeRecipient(strategy: 'sms' | 'email', input: string): string | undefined {
  if (strategy === 'sms') return normalizePhoneNumber(input);
  const email = normalizeIdentifier(input);
  return looksLikeEmail(email) ? email : undefined;
}
