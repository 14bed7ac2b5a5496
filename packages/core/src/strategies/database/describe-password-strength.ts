import type { PasswordRuleReport, PasswordStrengthReport } from './password-rules.js';

function text(report: PasswordRuleReport): string {
  const args = [...(report.format ?? [])];
  return report.message.replace(/%[ds]/g, () => String(args.shift() ?? ''));
}

/**
 * The failed rules of a strength report as one line, for the admin API's `error_description` and
 * the CLI (the database endpoints answer Auth0's structured body instead).
 *
 * @example describePasswordStrength(passwordStrength('fair', undefined, 'weak'));
 * // 'Password is too weak: at least 8 characters in length; should contain: upper case letters (A-Z), numbers (i.e. 0-9)'
 */
export function describePasswordStrength(report: PasswordStrengthReport): string {
  const failed = report.rules
    .filter((r) => r.verified === false)
    .map((r) => {
      const line = text(r);
      const missing = r.items?.filter((i) => i.verified === false).map(text) ?? [];
      return `${line.charAt(0).toLowerCase()}${line.slice(1)}${missing.length > 0 ? ` ${missing.join(', ')}` : ''}`;
    });
  return `Password is too weak: ${failed.join('; ')}`;
}
