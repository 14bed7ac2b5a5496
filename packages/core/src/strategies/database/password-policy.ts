import type { PasswordPolicy } from '../../config/types.js';

const MIN_LENGTH: Record<PasswordPolicy, number> = { none: 1, low: 6, fair: 8, good: 8, excellent: 10 };

/** Longest password accepted, so one request cannot make hashing arbitrarily expensive. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Checks a new password against Auth0's named policies; returns what is wrong, or undefined.
 * `fair`: 8+ characters with lower case, upper case and digits; `good`: 3 of lower, upper, digit,
 * special; `excellent`: `good` with 10+ characters and no character thrice in a row.
 *
 * @example checkPasswordPolicy('fair', 'abc'); // 'Password is too weak: at least 8 characters'
 */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): string | undefined {
  const min = MIN_LENGTH[policy];
  if (password.length < min) return `Password is too weak: at least ${min} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password is too long: at most ${MAX_PASSWORD_LENGTH} characters`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].map((re) => re.test(password));
  const [lower, upper, digit] = classes;
  if (policy === 'fair' && !(lower && upper && digit)) {
    return 'Password is too weak: use lower case, upper case and numbers';
  }
  if ((policy === 'good' || policy === 'excellent') && classes.filter(Boolean).length < 3) {
    return 'Password is too weak: use 3 of lower case, upper case, numbers and special characters';
  }
  if (policy === 'excellent' && /(.)\1\1/.test(password)) {
    return 'Password is too weak: no character more than twice in a row';
  }
  return undefined;
}

/** @example passwordPolicyOf(connection.options); // 'fair' */
export function passwordPolicyOf(options: Readonly<Record<string, unknown>>): PasswordPolicy {
  const value = options.passwordPolicy ?? options.password_policy;
  return value === 'none' || value === 'low' || value === 'fair' || value === 'good' || value === 'excellent'
    ? value
    : 'fair';
}
