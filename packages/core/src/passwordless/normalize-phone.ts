import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** What a caller may type: a leading `+`, digits, and the usual spacing and punctuation. */
const TYPED = /^\+[0-9 ().-]{1,30}$/;
const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * Normalises a phone number to E.164, or undefined when it is not one. The number must be
 * international (leading `+`); spaces, dots, dashes and brackets are dropped; the country calling
 * code must exist and the length fit that country's plan (libphonenumber-js "possible" check with
 * its `min` metadata). Digit patterns are not checked: they go stale as countries open new ranges,
 * and refusing a real number is worse than an SMS to a number that does not exist, which the
 * throttle bounds. Extensions are refused (an SMS cannot reach one).
 *
 * @example normalizePhoneNumber('+1 (555) 010-0000'); // '+15550100000'
 * @example normalizePhoneNumber('5550100000'); // undefined
 */
export function normalizePhoneNumber(input: string): string | undefined {
  const typed = input.normalize('NFKC').trim();
  if (!TYPED.test(typed)) return undefined;
  const parsed = parsePhoneNumberFromString(typed);
  if (!parsed || parsed.ext || !parsed.isPossible()) return undefined;
  return E164.test(parsed.number) ? parsed.number : undefined;
}
