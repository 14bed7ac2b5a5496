import type { CoreDeps, OAuthRoConfig } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import { mfaByRulesWarning } from './mfa-by-rules-warning.js';

const KEK = new Uint8Array(32).fill(7);
const STORES = { mfaEnrollments: {}, usedAssertions: {}, counters: {} } as unknown as Pick<CoreDeps, 'mfaEnrollments' | 'usedAssertions' | 'counters'>;
const base: OAuthRoConfig = { issuer: 'https://auth.example.test/', clients: [], connections: [] };
const withRule = { ...base, rules: [{ name: 'mfa', script: 'function (u, c, cb) { cb(null, u, c); }', enabled: true }] };
const withAction = { ...base, actions: [{ name: 'mfa', code: 'exports.onExecutePostLogin = async () => {};', supported_triggers: ['post-login' as const], secrets: {} }] };

describe('mfaByRulesWarning', () => {
  it('speaks up when Rules or post-login Actions run on a server whose stores cannot keep MFA (logins they put under MFA get 503)', () => {
    const { counters: _counters, ...noCounters } = STORES;
    expect(mfaByRulesWarning(withRule, noCounters, { keyEncryptionKey: KEK })).toMatch(/^WARNING: Rules or Actions are configured, but the stores have no counters: .*503 temporarily_unavailable/);
    expect(mfaByRulesWarning(withAction, {}, { keyEncryptionKey: KEK })).toMatch(/no mfaEnrollments, usedAssertions, counters/);
  });

  it('speaks up without a key-encryption key, and names the variable, not a value', () => {
    const warning = mfaByRulesWarning(withRule, STORES, {});
    expect(warning).toMatch(/^WARNING: Rules or Actions are configured, but OAUTH_RO_KEY_ENCRYPTION_KEY is not set: .*lost at restart/);
    expect(mfaByRulesWarning(withAction, STORES, {})).toBe(warning);
  });

  it('stays quiet with the stores and the key, without Rules or post-login Actions, and for disabled Rules', () => {
    expect(mfaByRulesWarning(withRule, STORES, { keyEncryptionKey: KEK })).toBeUndefined();
    expect(mfaByRulesWarning(base, {}, {})).toBeUndefined();
    expect(mfaByRulesWarning({ ...base, rules: [{ ...withRule.rules[0]!, enabled: false }] }, {}, {})).toBeUndefined();
    const preSignup = { ...base, actions: [{ ...withAction.actions[0]!, supported_triggers: ['pre-user-registration' as const] }] };
    expect(mfaByRulesWarning(preSignup, {}, {})).toBeUndefined();
  });
});
