import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-rules.js';

describe('passwordStrength (password-sheriff, as Auth0 answered)', () => {
  it('gives Auth0\'s exact rules and policy text for good', () => {
    // The body Auth0 sent for "abcdef!!" under `good` (lower case and special characters only).
    const report = passwordStrength('good', undefined, 'abcdef!!');
    expect(JSON.stringify({ rules: report.rules, verified: report.verified })).toBe(
      '{"rules":[{"message":"At least %d characters in length","format":[8],"code":"lengthAtLeast","verified":true},{"message":"Contain at least %d of the following %d types of characters:","code":"containsAtLeast","format":[3,4],"items":[{"message":"lower case letters (a-z)","code":"lowerCase","verified":true},{"message":"upper case letters (A-Z)","code":"upperCase","verified":false},{"message":"numbers (i.e. 0-9)","code":"numbers","verified":false},{"message":"special characters (e.g. !@#$%^&*)","code":"specialCharacters","verified":true}],"verified":false}],"verified":false}',
    );
    expect(report.policy).toBe(
      '* At least 8 characters in length\n* Contain at least 3 of the following 4 types of characters:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n * numbers (i.e. 0-9)\n * special characters (e.g. !@#$%^&*)',
    );
  });

  it.each([
    ['none', '', false],
    ['none', 'a', true],
    ['low', 'abcdef', true],
    ['low', 'abcde', false],
    ['fair', 'abcdefgh', false],
    ['fair', 'Abcdefg1', true],
    ['good', 'abcdefg1', false],
    ['good', 'abcdef1!', true],
    ['good', 'abcdef1 ', true],
    ['excellent', 'Abcdef1!xy', true],
    ['excellent', 'Abcdef1!xxx', false],
    ['excellent', 'Abc1!', false],
  ] as const)('%s accepts "%s": %s', (policy, password, accepted) => {
    expect(passwordStrength(policy, undefined, password).verified).toBe(accepted);
  });

  it('explains none, fair and excellent like password-sheriff', () => {
    expect(passwordStrength('none', undefined, 'x').policy).toBe('* Non-empty password required');
    expect(passwordStrength('fair', undefined, 'x').policy).toBe(
      '* At least 8 characters in length\n* Should contain:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n * numbers (i.e. 0-9)',
    );
    expect(passwordStrength('excellent', undefined, 'x').policy).toMatch(/\n\* No more than 2 identical characters in a row \(e\.g\., "aaa" not allowed\)$/);
  });

  it('lets password_complexity_options.min_length replace the policy length', () => {
    expect(passwordStrength('low', 12, 'abcdefghijk').verified).toBe(false);
    expect(passwordStrength('low', 12, 'abcdefghijkl').rules[0]).toEqual({ message: 'At least %d characters in length', format: [12], code: 'lengthAtLeast', verified: true });
  });
});
