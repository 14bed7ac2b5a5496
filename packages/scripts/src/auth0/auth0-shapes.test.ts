import type { ClientConfig, UserRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { auth0PostLoginEvent, auth0RuleContext, type LoginFacts } from './auth0-shapes.js';

const PASSWORD_AT = Date.UTC(2026, 11, 4, 15, 0, 0);
const MFA_AT = PASSWORD_AT + 42_000;
const facts: LoginFacts = {
  tenant: 'example',
  client: { client_id: 'app', name: 'App' } as ClientConfig,
  connection: { name: 'db', strategy: 'auth0' },
  protocol: 'oauth2-password',
  scope: ['openid'],
  ip: '203.0.113.7',
  nowMs: PASSWORD_AT,
};
const user = {
  user_id: 'auth0|1',
  connection: 'db',
  strategy: 'auth0',
  email: 'a@example.com',
  profile: {},
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
} as unknown as UserRecord;

/** docs/spec.md §5.9: a login whose second factor passed (the mfa-otp grant) shows it to Rules and Actions. */
describe('authentication.methods in a Rule’s context and an Action’s event', () => {
  it('Rules: the password alone, in epoch milliseconds; then the password and the second factor', () => {
    expect(auth0RuleContext(facts)['authentication']).toEqual({ methods: [{ name: 'pwd', timestamp: PASSWORD_AT }] });
    expect(auth0RuleContext({ ...facts, mfaPassedAtMs: MFA_AT })['authentication']).toEqual({
      methods: [
        { name: 'pwd', timestamp: PASSWORD_AT },
        { name: 'mfa', timestamp: MFA_AT },
      ],
    });
  });

  it('Actions: the same, as ISO 8601 strings', () => {
    expect(auth0PostLoginEvent({ ...facts, user })['authentication']).toEqual({ methods: [{ name: 'pwd', timestamp: '2026-12-04T15:00:00.000Z' }] });
    expect(auth0PostLoginEvent({ ...facts, user, mfaPassedAtMs: MFA_AT })['authentication']).toEqual({
      methods: [
        { name: 'pwd', timestamp: '2026-12-04T15:00:00.000Z' },
        { name: 'mfa', timestamp: '2026-12-04T15:00:42.000Z' },
      ],
    });
  });
});
