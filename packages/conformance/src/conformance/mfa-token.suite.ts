import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { codeOf, MFA_APP_SECRET, MFA_CLIENTS, MFA_CONNECTION, mfaConfig, newEnrolledUser, steppingClock } from './mfa-fixtures.js';
import { HS256_SECRET } from '../fixtures/test-config.js';
import { GOOD_PASSWORD, useMountedApp } from './use-mounted-app.js';

const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp';
const REALM = 'http://auth0.com/oauth/grant-type/password-realm';
const INVALID_OTP = { error: 'invalid_grant', error_description: 'Invalid otp_code.' };
const MALFORMED = { error: 'invalid_grant', error_description: 'Malformed mfa_token' };

/** docs/spec.md §5.9: `/oauth/token` under MFA: `mfa_required` + `mfa_token`, the `mfa-otp` grant. */
export function mfaTokenSuite(harness: AdapterHarness): void {
  describe('MFA at /oauth/token (mfa_token, mfa-otp grant)', () => {
    const clock = steppingClock();
    const ctx = useMountedApp(harness, { config: mfaConfig(), clock });
    const token = (json: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/oauth/token', json });
    const app = { client_id: MFA_CLIENTS.app, client_secret: MFA_APP_SECRET };
    const passwordRealm = (username: string, extra: Record<string, unknown> = {}) =>
      token({ grant_type: REALM, ...app, username, password: GOOD_PASSWORD, realm: MFA_CONNECTION, ...extra });
    async function mfaToken(username: string, extra: Record<string, unknown> = {}): Promise<string> {
      const res = await passwordRealm(username, extra);
      expect(res.status, res.text).toBe(403);
      return res.json.mfa_token as string;
    }

    it('answers a right password with 403 mfa_required and an mfa_token, redeemed once by mfa-otp for the login’s scope', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const res = await passwordRealm(user.email, { scope: 'openid email offline_access', device: 'phone' });
      expect([res.status, res.json]).toEqual([403, { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: expect.any(String) }]);
      const mfa_token = res.json.mfa_token as string;
      expect(mfa_token).not.toContain(user.user_id);
      const done = await token({ grant_type: MFA_OTP, ...app, mfa_token, otp: await codeOf(user.key, clock.now()), scope: 'openid' });
      expect(done.status, done.text).toBe(200);
      expect(done.json).toEqual({ access_token: expect.any(String), id_token: expect.any(String), refresh_token: expect.any(String), scope: 'openid email offline_access', expires_in: expect.any(Number), token_type: 'Bearer' });
      expect(decodeJwt(done.json.id_token)).toMatchObject({ sub: user.user_id, email: user.email });
      clock.advance(30_000);
      const again = await token({ grant_type: MFA_OTP, ...app, mfa_token, otp: await codeOf(user.key, clock.now()) });
      expect([again.status, again.json]).toEqual([403, MALFORMED]);
      // Refresh keeps Auth0's semantics: no second factor to renew a session that passed one.
      const refreshed = await token({ grant_type: 'refresh_token', ...app, refresh_token: done.json.refresh_token });
      expect(refreshed.status, refreshed.text).toBe(200);
    });

    it('refuses a wrong or replayed otp (Auth0.swift’s isMultifactorCodeInvalid) and keeps the mfa_token usable', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const mfa_token = await mfaToken(user.email);
      expect(await token({ grant_type: MFA_OTP, ...app, mfa_token, otp: '000000' }).then((r) => [r.status, r.json])).toEqual([403, INVALID_OTP]);
      const code = await codeOf(user.key, clock.now());
      expect((await token({ grant_type: MFA_OTP, ...app, mfa_token, otp: code })).status).toBe(200);
      const second = await mfaToken(user.email);
      expect((await token({ grant_type: MFA_OTP, ...app, mfa_token: second, otp: code })).json).toEqual(INVALID_OTP);
      expect((await token({ grant_type: MFA_OTP, ...app, mfa_token: second, otp: user.recovery_code })).status).toBe(200);
      clock.advance(30_000);
    });

    it('gives one of 10 parallel redemptions of one mfa_token and code the tokens', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const mfa_token = await mfaToken(user.email);
      const otp = await codeOf(user.key, clock.now());
      const results = await Promise.all(Array.from({ length: 10 }, () => token({ grant_type: MFA_OTP, ...app, mfa_token, otp })));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 403)).toHaveLength(9);
      clock.advance(30_000);
    });

    it('refuses an mfa_token for another client, a tampered one, and one older than 10 minutes', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const mfa_token = await mfaToken(user.email);
      const otp = await codeOf(user.key, clock.now());
      const other = await token({ grant_type: MFA_OTP, client_id: MFA_CLIENTS.other, client_secret: HS256_SECRET, mfa_token, otp });
      expect([other.status, other.json]).toEqual([403, MALFORMED]);
      const tampered = `${mfa_token.slice(0, -4)}${mfa_token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      expect((await token({ grant_type: MFA_OTP, ...app, mfa_token: tampered, otp })).json).toEqual(MALFORMED);
      expect((await token({ grant_type: MFA_OTP, ...app, mfa_token: 'not-a-token', otp })).json).toEqual(MALFORMED);
      clock.advance(601_000);
      const expired = await token({ grant_type: MFA_OTP, ...app, mfa_token, otp: await codeOf(user.key, clock.now()) });
      expect([expired.status, expired.json]).toEqual([403, { error: 'expired_token', error_description: 'mfa_token is expired' }]);
      expect((await token({ grant_type: MFA_OTP, ...app, otp })).json).toEqual({ error: 'invalid_request', error_description: 'missing mfa_token parameter' });
    });

    it('limits guessed otps per user (429 after 10 wrong, across mfa_tokens)', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const tokens = await Promise.all([mfaToken(user.email), mfaToken(user.email)]);
      const guesses = await Promise.all(Array.from({ length: 14 }, (_, i) => token({ grant_type: MFA_OTP, ...app, mfa_token: tokens[i % 2], otp: String(300000 + i) })));
      expect(guesses.filter((r) => r.status === 403)).toHaveLength(10);
      expect(guesses.filter((r) => r.status === 429)).toHaveLength(4);
      const right = await token({ grant_type: MFA_OTP, ...app, mfa_token: tokens[0], otp: await codeOf(user.key, clock.now()) });
      expect(right.status).toBe(429);
    });
  });
}
