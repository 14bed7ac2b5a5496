import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, passwordPolicyOf } from './password-policy.js';

describe('checkPasswordPolicy', () => {
  it.each([
    ['none', 'a', true],
    ['low', 'abcdef', true],
    ['low', 'abcde', false],
    ['fair', 'abcdefgh', false],
    ['fair', 'Abcdefg1', true],
    ['good', 'abcdefg1', false],
    ['good', 'abcdef1!', true],
    ['excellent', 'Abcdef1!xy', true],
    ['excellent', 'Abcdef1!xxx', false],
    ['excellent', 'Abc1!', false],
  ] as const)('%s accepts %s: %s', (policy, password, accepted) => {
    expect(checkPasswordPolicy(policy, password) === undefined).toBe(accepted);
  });

  it('refuses passwords too long to hash cheaply', () => {
    expect(checkPasswordPolicy('none', 'A1a'.repeat(400))).toMatch(/too long/);
  });

  it('reads Auth0\'s passwordPolicy option, defaulting to fair', () => {
    expect(passwordPolicyOf({ passwordPolicy: 'good' })).toBe('good');
    expect(passwordPolicyOf({ passwordPolicy: 'bogus' })).toBe('fair');
    expect(passwordPolicyOf({})).toBe('fair');
  });
});
