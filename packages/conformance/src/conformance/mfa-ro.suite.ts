import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DB_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { codeOf, MFA_CONNECTION, MFA_STRICT_CONNECTION, mfaConfig, mfaLogin, newEnrolledUser, newMfaUser, steppingClock } from './mfa-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const MFA_REQUIRED = { error: 'a0.mfa_required', error_description: 'missing mfa_code parameter' };
const MFA_INVALID = { error: 'a0.mfa_invalid_code', error_description: 'Wrong or expired code.' };
const NOT_ENROLLED = { error: 'a0.mfa_registration_required', error_description: 'User is not enrolled with Google Authenticator' };
const TOO_MANY = { error: 'too_many_attempts', error_description: 'Too many failed MFA attempts. Try again later.' };

/** docs/spec.md §5.9: TOTP MFA at `/oauth/ro` (Auth0's `options.mfa`), attacked as an attacker would. */
export function mfaRoSuite(harness: AdapterHarness): void {
  describe('MFA at /oauth/ro', () => {
    const clock = steppingClock();
    const ctx = useMountedApp(harness, { config: mfaConfig(), clock });

    it('enrols at login with return_enroll_settings: the key and QR URI, the same on asking again, confirmed by the next login’s code', async () => {
      const { email } = await newMfaUser(ctx.current);
      const first = await mfaLogin(ctx.current, { username: email });
      expect(first.status).toBe(401);
      expect(first.json).toEqual({
        error: 'a0.mfa_registration_required',
        error_description: 'MFA registration is required. Generated keys for enrollement',
        mfa_settings: { provider: 'google-authenticator', key: expect.stringMatching(/^[A-Z2-7]{32}$/), qr: expect.stringMatching(/^otpauth:\/\/totp\//) },
      });
      const key = first.json.mfa_settings.key as string;
      expect(first.json.mfa_settings.qr).toContain(`secret=${key}&issuer=auth.test.example`);
      expect((await mfaLogin(ctx.current, { username: email })).json.mfa_settings.key).toBe(key);
      expect((await mfaLogin(ctx.current, { username: email, mfa_code: '000000' })).json).toEqual(MFA_INVALID);
      const confirmed = await mfaLogin(ctx.current, { username: email, mfa_code: await codeOf(key, clock.now()), scope: 'openid' });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.json).toEqual({ access_token: expect.any(String), id_token: expect.any(String), token_type: 'bearer', recovery_code: expect.stringMatching(/^[A-Z0-9]{24}$/) });
      clock.advance(30_000);
      expect((await mfaLogin(ctx.current, { username: email })).json).toEqual(MFA_REQUIRED);
    });

    it('asks an enrolled user for the code, refuses a wrong one, accepts the right one (also as a JSON number)', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      expect(await mfaLogin(ctx.current, { username: user.email }).then((r) => [r.status, r.json])).toEqual([401, MFA_REQUIRED]);
      expect(await mfaLogin(ctx.current, { username: user.email, mfa_code: '12345x' }).then((r) => [r.status, r.json])).toEqual([401, MFA_INVALID]);
      // The password is judged first: a right code does not help a wrong password.
      const code = await codeOf(user.key, clock.now());
      expect((await mfaLogin(ctx.current, { username: user.email, password: 'Wrong-Password-1', mfa_code: code })).json.error).toBe('invalid_user_password');
      const ok = await mfaLogin(ctx.current, { username: user.email, mfa_code: Number(code) });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    });

    it('accepts a code once: a replay in the same step and in the next is refused; the next step’s code works', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const code = await codeOf(user.key, clock.now());
      expect((await mfaLogin(ctx.current, { username: user.email, mfa_code: code })).status).toBe(200);
      expect((await mfaLogin(ctx.current, { username: user.email, mfa_code: code })).json).toEqual(MFA_INVALID);
      clock.advance(30_000);
      expect((await mfaLogin(ctx.current, { username: user.email, mfa_code: code })).json).toEqual(MFA_INVALID);
      expect((await mfaLogin(ctx.current, { username: user.email, mfa_code: await codeOf(user.key, clock.now()) })).status).toBe(200);
      clock.advance(30_000);
    });

    it('gives exactly one of 10 parallel logins with one code tokens', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const code = await codeOf(user.key, clock.now());
      const results = await Promise.all(Array.from({ length: 10 }, () => mfaLogin(ctx.current, { username: user.email, mfa_code: code })));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 401).map((r) => r.json)).toEqual(Array.from({ length: 9 }, () => MFA_INVALID));
      clock.advance(30_000);
    });

    it('judges at most 10 wrong codes of one user an hour, however many race; then refuses even the right code (429)', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const guesses = await Promise.all(Array.from({ length: 15 }, (_, i) => mfaLogin(ctx.current, { username: user.email, mfa_code: String(200000 + i) })));
      expect(guesses.filter((r) => r.status === 401)).toHaveLength(10);
      expect(guesses.filter((r) => r.status === 429)).toHaveLength(5);
      const right = await mfaLogin(ctx.current, { username: user.email, mfa_code: await codeOf(user.key, clock.now()) });
      expect([right.status, right.json]).toEqual([429, TOO_MANY]);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(3000);
    });

    it('completes a login with the recovery code once, and answers a new one; the old one, reused or raced, fails', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const used = await mfaLogin(ctx.current, { username: user.email, mfa_code: user.recovery_code.toLowerCase() });
      expect(used.status, used.text).toBe(200);
      const fresh = used.json.recovery_code as string;
      expect(fresh).toMatch(/^[A-Z0-9]{24}$/);
      expect(fresh).not.toBe(user.recovery_code);
      expect((await mfaLogin(ctx.current, { username: user.email, mfa_code: user.recovery_code })).json).toEqual(MFA_INVALID);
      const raced = await Promise.all(Array.from({ length: 8 }, () => mfaLogin(ctx.current, { username: user.email, mfa_code: fresh })));
      expect(raced.filter((r) => r.status === 200)).toHaveLength(1);
    });

    it('refuses a user who is not enrolled on a connection without enrolment settings', async () => {
      const { email } = await newMfaUser(ctx.current, MFA_STRICT_CONNECTION);
      const res = await mfaLogin(ctx.current, { username: email }, MFA_STRICT_CONNECTION);
      expect([res.status, res.json]).toEqual([401, NOT_ENROLLED]);
      expect((await mfaLogin(ctx.current, { username: email, mfa_code: '123456' }, MFA_STRICT_CONNECTION)).json).toEqual(NOT_ENROLLED);
    });

    it('refuses mfa_code on a connection without MFA (400), and leaves its logins alone', async () => {
      const email = uniqueEmail('nomfa');
      await ctx.current.signup(email, GOOD_PASSWORD);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD, mfa_code: '123456' });
      expect([res.status, res.json]).toEqual([400, { error: 'invalid_request', error_description: 'mfa_code not allowed' }]);
      expect((await ctx.current.login({ username: email, password: GOOD_PASSWORD, connection: DB_CONNECTION })).status).toBe(200);
    });

    it('leaves the Touch ID grant without a second factor: the device key is one (docs/spec.md §5.9)', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      const login = await mfaLogin(ctx.current, { username: user.email, mfa_code: await codeOf(user.key, clock.now()) });
      expect(login.status).toBe(200);
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const device_id = `device-${randomUUID()}`;
      const registered = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/api/v2/device-credentials',
        headers: { authorization: `Bearer ${login.json.access_token as string}` },
        json: { type: 'public_key', client_id: TEST_CLIENTS.rs256, device_name: 'Phone', device_id, value: await exportSPKI(publicKey) },
      });
      expect(registered.status, registered.text).toBe(201);
      const now = Math.floor(clock.now() / 1000);
      const id_token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer(user.user_id).setIssuedAt(now).setJti(randomUUID()).setExpirationTime(now + 60).sign(privateKey);
      const touch = await mfaLogin(ctx.current, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', id_token, device: device_id, scope: 'openid', password: undefined });
      expect(touch.status, touch.text).toBe(200);
      clock.advance(30_000);
    });

    it('audits second factors with Auth0 Guardian event types, never with a code or key', async () => {
      const user = await newEnrolledUser(ctx.current, clock);
      await mfaLogin(ctx.current, { username: user.email, mfa_code: '999999' });
      await mfaLogin(ctx.current, { username: user.email, mfa_code: await codeOf(user.key, clock.now()) });
      await mfaLogin(ctx.current, { username: user.email, mfa_code: user.recovery_code });
      const events = ctx.current.audit.events.filter((e) => e.user_id === user.user_id);
      const types = events.map((e) => e.type);
      for (const type of ['gd_start_enroll', 'gd_enrollment_complete', 'gd_auth_failed', 'gd_auth_succeed', 'gd_recovery_succeed']) expect(types).toContain(type);
      expect(events.find((e) => e.type === 'gd_auth_failed')).toMatchObject({ client_id: TEST_CLIENTS.rs256, connection: MFA_CONNECTION });
      const text = JSON.stringify(ctx.current.audit.events);
      expect(text).not.toContain(user.key);
      expect(text).not.toContain(user.recovery_code);
      clock.advance(30_000);
    });
  });
}
