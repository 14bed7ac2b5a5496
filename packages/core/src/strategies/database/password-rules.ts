import type { PasswordPolicy } from '../../config/types.js';

/** One rule or character class as password-sheriff explains it (Auth0's `description.rules[]`). */
export interface PasswordRuleReport {
  readonly message: string;
  readonly code: string;
  readonly format?: readonly (number | string)[];
  readonly items?: readonly PasswordRuleReport[];
  readonly verified?: boolean;
}

interface CharacterClass {
  readonly message: string;
  readonly code: string;
  readonly test: (password: string) => boolean;
}

/** OWASP's special characters, the set password-sheriff counts. */
const SPECIAL = /[ !"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

const LOWER: CharacterClass = { message: 'lower case letters (a-z)', code: 'lowerCase', test: (p) => /[a-z]/.test(p) };
const UPPER: CharacterClass = { message: 'upper case letters (A-Z)', code: 'upperCase', test: (p) => /[A-Z]/.test(p) };
const NUMBERS: CharacterClass = { message: 'numbers (i.e. 0-9)', code: 'numbers', test: (p) => /\d/.test(p) };
const SPECIALS: CharacterClass = { message: 'special characters (e.g. !@#$%^&*)', code: 'specialCharacters', test: (p) => SPECIAL.test(p) };

/** A rule: what it reports for a password (with `verified`) or, without one, its explanation. */
type Rule = (password?: string) => PasswordRuleReport;

const withVerified = (report: PasswordRuleReport, verified: boolean | undefined): PasswordRuleReport =>
  verified === undefined ? report : { ...report, verified };

function lengthRule(min: number): Rule {
  return (password) => {
    const base: PasswordRuleReport =
      min === 1
        ? { message: 'Non-empty password required', code: 'nonEmpty' }
        : { message: 'At least %d characters in length', format: [min], code: 'lengthAtLeast' };
    return withVerified(base, password === undefined ? undefined : password.length >= min && password.length > 0);
  };
}

function classItems(classes: readonly CharacterClass[], password: string | undefined): PasswordRuleReport[] {
  return classes.map((c) => withVerified({ message: c.message, code: c.code }, password === undefined ? undefined : c.test(password)));
}

function containsRule(classes: readonly CharacterClass[]): Rule {
  return (password) => {
    const items = classItems(classes, password);
    if (password === undefined) return { message: 'Should contain:', code: 'shouldContain', items };
    return { message: 'Should contain:', code: 'shouldContain', verified: items.every((i) => i.verified), items };
  };
}

function containsAtLeastRule(atLeast: number, classes: readonly CharacterClass[]): Rule {
  return (password) => {
    const items = classItems(classes, password);
    const base = { message: 'Contain at least %d of the following %d types of characters:', code: 'containsAtLeast', format: [atLeast, classes.length], items };
    return password === undefined ? base : { ...base, verified: items.filter((i) => i.verified).length >= atLeast };
  };
}

function identicalCharsRule(max: number): Rule {
  return (password) => {
    const base = { message: 'No more than %d identical characters in a row (e.g., "%s" not allowed)', code: 'identicalChars', format: [max, 'a'.repeat(max + 1)] };
    if (password === undefined) return base;
    let run = 0;
    let ok = password.length > 0;
    for (let i = 0; i < password.length; i++) {
      run = i > 0 && password[i] === password[i - 1] ? run + 1 : 1;
      if (run > max) ok = false;
    }
    return { ...base, verified: ok };
  };
}

const MIN_LENGTH: Record<PasswordPolicy, number> = { none: 1, low: 6, fair: 8, good: 8, excellent: 10 };

/**
 * The rules of one of Auth0's named policies (auth0-password-policies over password-sheriff), with
 * `password_complexity_options.min_length` replacing the policy's length when given.
 */
function rulesOf(policy: PasswordPolicy, minLength: number | undefined): Rule[] {
  const rules: Rule[] = [lengthRule(minLength ?? MIN_LENGTH[policy])];
  if (policy === 'fair') rules.push(containsRule([LOWER, UPPER, NUMBERS]));
  if (policy === 'good' || policy === 'excellent') rules.push(containsAtLeastRule(3, [LOWER, UPPER, NUMBERS, SPECIALS]));
  if (policy === 'excellent') rules.push(identicalCharsRule(2));
  return rules;
}

/** What Auth0 answers in `PasswordStrengthError`: the rules with `verified`, and the policy as text. */
export interface PasswordStrengthReport {
  readonly rules: readonly PasswordRuleReport[];
  readonly verified: boolean;
  readonly policy: string;
}

function formatMessage(report: PasswordRuleReport): string {
  const args = [...(report.format ?? [])];
  return report.message.replace(/%[ds]/g, () => String(args.shift() ?? ''));
}

function flatten(reports: readonly PasswordRuleReport[], depth: number): string {
  const spaces = ' '.repeat(depth);
  return reports
    .map((r) => `${spaces}* ${formatMessage(r)}${r.items ? `\n${flatten(r.items, depth + 1)}` : ''}`)
    .join('\n');
}

/**
 * Checks a password against a named policy the way Auth0 did (password-sheriff's `missing`), and
 * explains the policy as Auth0's `policy` text (password-sheriff's `toString`).
 *
 * @example
 * const report = passwordStrength('good', undefined, 'abc');
 * report.verified; // false
 * report.policy;   // '* At least 8 characters in length\n* Contain at least 3 of the following 4 types of characters:\n * lower case letters (a-z)\n …'
 */
export function passwordStrength(policy: PasswordPolicy, minLength: number | undefined, password: string): PasswordStrengthReport {
  const rules = rulesOf(policy, minLength);
  const reports = rules.map((rule) => rule(password));
  return { rules: reports, verified: reports.every((r) => r.verified === true), policy: flatten(rules.map((rule) => rule()), 0) };
}
