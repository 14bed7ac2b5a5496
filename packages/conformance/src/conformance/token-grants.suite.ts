import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCapturingSender } from '../fixtures/capturing-sender.js';
import { DB_CONNECTION, EMAIL_CONNECTION, SMS_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { JWT_BEARER } from './lifecycle-fixtures.js';
import {
  basicAuth,
  CONFIDENTIAL_SECRET,
  GRANT_CLIENTS as C,
  GRANTS,
  GRANTS_CONNECTION,
  grantsConfig,
  MODERN_SECRET,
  newGrantsUser,
  tokenRequest,
} from './token-grants-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail, uniquePhone, useMountedApp } from './use-mounted-app.js';

const WRONG = 'Wrong-Password-1';
const WRONG_PASSWORD = { error: 'invalid_grant', error_description: 'Wrong email or password.' };
const BLOCKED = { error: 'too_many_attempts', error_description: 'Your account has been blocked after multiple consecutive login attempts.' };

/** `/oauth/token` password, password-realm and passwordless/otp grants, client authentication, and grant_types. */
export function tokenGrantsSuite(harness: AdapterHarness): void {
  describe('/oauth/token: password, password-realm, passwordless/otp, client authentication, grant_types', () => {
    const sms = createCapturingSender();
    const email = createCapturingSender();
    const ctx = useMountedApp(harness, { config: grantsConfig(), senders: { sms, email } });
    const token = (json: Record<string, unknown>, headers?: Record<string, string>) => tokenRequest(ctx.current, json, headers);
    const realm = (username: string, password: string, extra: Record<string, unknown> = {}) =>
      token({ grant_type: GRANTS.passwordRealm, client_id: C.spa, username, password, realm: GRANTS_CONNECTION, ...extra });

    async function verify(tokenText: string, audience: string) {
      const jwks = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      return (await jwtVerify(tokenText, createLocalJWKSet(jwks.json), { issuer: ctx.current.oauthRo.issuer, audience })).payload;
    }

    it('password grant: logs in on the tenant default_directory (client_secret_post) with Auth0’s answer shape', async () => {
      const { email: user, user_id } = await newGrantsUser(ctx.current);
      const res = await token({ grant_type: 'password', client_id: C.confidential, client_secret: CONFIDENTIAL_SECRET, username: user, password: GOOD_PASSWORD, scope: 'openid email' });
      expect(res.status, res.text).toBe(200);
      expect(res.json).toEqual({ access_token: expect.any(String), id_token: expect.any(String), scope: 'openid email', expires_in: 36000, token_type: 'Bearer' });
      const access = await verify(res.json.access_token, `${ctx.current.oauthRo.issuer}userinfo`);
      expect(access).toMatchObject({ sub: user_id, azp: C.confidential, gty: 'password', scope: 'openid email' });
      expect(await verify(res.json.id_token, C.confidential)).toMatchObject({ sub: user_id, email: user });
      const info = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${res.json.access_token}` } });
      expect(info.status).toBe(200);
      expect(info.json.sub).toBe(user_id);
    });

    it('password-realm: a public client without secret, a confidential one with client_secret_basic; form bodies too', async () => {
      const { email: user } = await newGrantsUser(ctx.current);
      expect((await realm(user, GOOD_PASSWORD)).status).toBe(200);
      const basic = await token({ grant_type: GRANTS.passwordRealm, username: user, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION }, basicAuth(C.modern, MODERN_SECRET));
      expect(basic.status, basic.text).toBe(200);
      const form = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/oauth/token',
        form: { grant_type: GRANTS.passwordRealm, client_id: C.modern, client_secret: MODERN_SECRET, username: user, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION },
      });
      expect(form.status, form.text).toBe(200);
    });

    it('refuses client authentication that fails: missing or wrong secret, Basic of another client, unknown client', async () => {
      const { email: user } = await newGrantsUser(ctx.current);
      const base = { grant_type: GRANTS.passwordRealm, username: user, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION };
      for (const res of [
        await token({ ...base, client_id: C.modern }),
        await token({ ...base, client_id: C.modern, client_secret: 'wrong-secret-0123456789' }),
        await token(base, basicAuth(C.modern, 'wrong-secret-0123456789')),
        await token({ ...base, client_id: C.spa }, basicAuth(C.modern, MODERN_SECRET)),
        await token({ ...base, client_id: 'no-such-app' }),
      ]) {
        expect(res.status, res.text).toBe(401);
        expect(res.json.error).toBe('invalid_client');
      }
    });

    it('wrong password and unknown user answer alike (403 invalid_grant); a blocked user 401', async () => {
      const { email: user, user_id } = await newGrantsUser(ctx.current);
      const wrong = await realm(user, WRONG);
      const ghost = await realm(uniqueEmail('ghost'), WRONG);
      for (const res of [wrong, ghost]) {
        expect(res.status).toBe(403);
        expect(res.json).toEqual(WRONG_PASSWORD);
      }
      await ctx.current.deps.users.update(user_id, { blocked: true }, new Date().toISOString());
      const blocked = await realm(user, GOOD_PASSWORD);
      expect(blocked.status).toBe(401);
      expect(blocked.json).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });
    });

    it('shares brute-force protection with /oauth/ro: 10 of 30 parallel wrong tries are checked, then /oauth/ro is blocked too', async () => {
      const { email: user } = await newGrantsUser(ctx.current);
      const results = await Promise.all(Array.from({ length: 30 }, () => realm(user, WRONG)));
      expect(results.filter((r) => r.status === 403)).toHaveLength(10);
      expect(results.filter((r) => r.status === 429)).toHaveLength(20);
      expect(results.find((r) => r.status === 429)!.json).toEqual(BLOCKED);
      const ro = await ctx.current.login({ client_id: C.confidential, connection: GRANTS_CONNECTION, username: user, password: GOOD_PASSWORD });
      expect(ro.status).toBe(429);
      expect((await realm(user, GOOD_PASSWORD)).status).toBe(429);
    });

    it('audits like /oauth/ro: s, fp, fu with the connection and client', async () => {
      const { email: user, user_id } = await newGrantsUser(ctx.current);
      await realm(user, GOOD_PASSWORD);
      await realm(user, WRONG);
      const ghost = uniqueEmail('ghost');
      await realm(ghost, WRONG);
      const events = ctx.current.audit.about(user);
      expect(events.map((e) => e.type)).toEqual(['ss', 's', 'fp']);
      expect(events[1]).toMatchObject({ client_id: C.spa, connection: GRANTS_CONNECTION, strategy: 'auth0', user_id });
      expect(ctx.current.audit.about(ghost).map((e) => e.type)).toEqual(['fu']);
    });

    it('passwordless/otp: a code from /passwordless/start logs in by sms and by email; a wrong code is 403 invalid_grant', async () => {
      const phone = uniquePhone();
      const start = (json: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/start', json });
      expect((await start({ client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, phone_number: phone })).status).toBe(200);
      const otp = (username: string, code: string, connection: string) =>
        token({ grant_type: GRANTS.otp, client_id: TEST_CLIENTS.rs256, client_secret: CONFIDENTIAL_SECRET, username, otp: code, realm: connection, scope: 'openid' });
      const code = sms.lastCode(phone)!;
      const wrongCode = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
      const bad = await otp(phone, wrongCode, SMS_CONNECTION);
      expect(bad.status).toBe(403);
      expect(bad.json).toEqual({ error: 'invalid_grant', error_description: 'Wrong phone number or verification code.' });
      const good = await otp(phone, code, SMS_CONNECTION);
      expect(good.status, good.text).toBe(200);
      expect(decodeJwt(good.json.id_token).sub).toMatch(/^sms\|/);
      expect((await otp(phone, code, SMS_CONNECTION)).status).toBe(403);

      const address = uniqueEmail('otp');
      expect((await start({ client_id: TEST_CLIENTS.rs256, connection: EMAIL_CONNECTION, email: address, send: 'code' })).status).toBe(200);
      const wrongEmail = await otp(address, '000000' === email.lastCode(address) ? '111111' : '000000', EMAIL_CONNECTION);
      expect(wrongEmail.json).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or verification code.' });
      expect((await otp(address, email.lastCode(address)!, EMAIL_CONNECTION)).status).toBe(200);
    });

    it('keeps each grant to its connections: otp on a database, password on sms, unknown and disabled realms', async () => {
      const { email: user } = await newGrantsUser(ctx.current);
      const otpOnDb = await token({ grant_type: GRANTS.otp, client_id: C.spa, username: user, otp: '123456', realm: GRANTS_CONNECTION });
      expect(otpOnDb.status).toBe(400);
      expect(otpOnDb.json.error_description).toBe('specified strategy does not support requested operation');
      const passwordOnSms = await token({ grant_type: GRANTS.passwordRealm, client_id: TEST_CLIENTS.rs256, client_secret: CONFIDENTIAL_SECRET, username: '+15550100000', password: '123456', realm: SMS_CONNECTION });
      expect(passwordOnSms.status).toBe(400);
      expect((await realm(user, GOOD_PASSWORD, { realm: 'no-such-connection' })).json.error_description).toBe('the connection was not found');
      expect((await realm(user, GOOD_PASSWORD, { realm: DB_CONNECTION })).json.error_description).toBe('the connection was disabled');
      expect((await realm(user, GOOD_PASSWORD, { realm: undefined })).json.error_description).toBe('missing realm parameter');
      expect((await realm('', GOOD_PASSWORD)).json.error_description).toBe('missing username parameter');
    });

    it('refuses grants the endpoint does not serve, and grants the client’s grant_types does not list (legacy endpoints included)', async () => {
      const unknown = await token({ grant_type: 'authorization_code', client_id: C.spa, code: 'x' });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({ error: 'unsupported_grant_type', error_description: 'Unsupported grant type: authorization_code' });
      const { email: user } = await newGrantsUser(ctx.current);
      const password = await token({ grant_type: 'password', client_id: C.modern, client_secret: MODERN_SECRET, username: user, password: GOOD_PASSWORD });
      expect(password.status).toBe(403);
      expect(password.json).toEqual({ error: 'unauthorized_client', error_description: "Grant type 'password' not allowed for the client." });
      const ro = await ctx.current.login({ client_id: C.modern, connection: GRANTS_CONNECTION, username: user, password: GOOD_PASSWORD });
      expect(ro.status).toBe(403);
      expect(ro.json).toEqual({ error: 'unauthorized_client', error_description: `Grant type '${GRANTS.legacyRo}' not allowed for the client.` });
      const touchId = await ctx.current.login({ client_id: C.modern, connection: GRANTS_CONNECTION, grant_type: JWT_BEARER, id_token: 'x.y.z', device: 'd' });
      expect(touchId.json.error_description).toBe(`Grant type '${GRANTS.legacyRo}/jwt-bearer' not allowed for the client.`);
      const modern = await token({ grant_type: GRANTS.passwordRealm, client_id: C.modern, client_secret: MODERN_SECRET, username: user, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION, scope: 'openid offline_access', device: 'Pixel' });
      expect(modern.status, modern.text).toBe(200);
      const delegation = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/delegation',
        json: { client_id: C.modern, grant_type: JWT_BEARER, refresh_token: modern.json.refresh_token, api_type: 'app' },
      });
      expect(delegation.status).toBe(403);
      expect(delegation.json.error_description).toBe(`Grant type '${GRANTS.legacyDelegationRefresh}' not allowed for the client.`);
      const refreshed = await token({ grant_type: 'refresh_token', client_id: C.modern, client_secret: MODERN_SECRET, refresh_token: modern.json.refresh_token });
      expect(refreshed.status, refreshed.text).toBe(200);
      // A client without grant_types keeps the legacy grants.
      expect((await ctx.current.login({ client_id: C.confidential, connection: GRANTS_CONNECTION, username: user, password: GOOD_PASSWORD })).status).toBe(200);
    });

    it('issues a refresh token under offline_access (bound to device, else the user agent) that refreshes at /oauth/token', async () => {
      const { email: user, user_id } = await newGrantsUser(ctx.current);
      const res = await realm(user, GOOD_PASSWORD, { scope: 'openid offline_access' });
      expect(res.status, res.text).toBe(200);
      expect(res.json.refresh_token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(res.json.scope).toBe('openid offline_access');
      const refreshed = await token({ grant_type: 'refresh_token', client_id: C.spa, refresh_token: res.json.refresh_token });
      expect(refreshed.status, refreshed.text).toBe(200);
      expect(decodeJwt(refreshed.json.access_token).sub).toBe(user_id);
      const none = await realm(user, GOOD_PASSWORD, { scope: 'openid' });
      expect(none.json).not.toHaveProperty('refresh_token');
    });
  });

  describe('/oauth/token password grant without tenant.default_directory', () => {
    const ctx = useMountedApp(harness, { config: grantsConfig({ defaultDirectory: false }) });

    it('answers 400 with Auth0’s words for the missing default connection', async () => {
      const res = await tokenRequest(ctx.current, { grant_type: 'password', client_id: C.spa, username: 'a@example.com', password: GOOD_PASSWORD });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ error: 'invalid_request', error_description: 'Authorization server not configured with default connection.' });
    });
  });
}
