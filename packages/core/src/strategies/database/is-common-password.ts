import { COMMON_PASSWORDS_10K } from './common-passwords-10k.js';

let common: ReadonlySet<string> | undefined;

/**
 * Whether a lower-cased password is one of the 10,000 most common (Auth0's `password_dictionary`).
 * The set is built on first use.
 *
 * @example isCommonPassword('password1'); // true
 */
export function isCommonPassword(lower: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_10K.split('\n'));
  return common.has(lower);
}
