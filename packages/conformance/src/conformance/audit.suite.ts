import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@oauth-ro/core';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCapturingSender } from '../fixtures/capturing-sender.js';
import { KNOWN_TEST_SECRETS } from '../fixtures/known-test-secrets.js';
import { DB_CONNECTION, EMAIL_CONNECTION, SMS_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { JWT_BEARER, LIFECYCLE_CLIENTS as C, LIFECYCLE_CONNECTION, lifecycleConfig, lifecycleLogin, newLifecycleUser } from './lifecycle-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail, uniquePhone, useMountedApp } from './use-mounted-app.js';

const JWT_SHAPE = /eyJ[\w-]*\.eyJ[\w-]*\./;
const WRONG = 'Wrong-Password-1';

/** Fails if an event's JSON holds a fixture secret, anything shaped like a JWT, or one of `secrets`. */
function expectNoSecrets(events: readonly AuditEvent[], secrets: readonly string[] = []): void {
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    const text = JSON.stringify(event);
    expect(text).not.toMatch(JWT_SHAPE);
    for (const secret of [...KNOWN_TEST_SECRETS, ...secrets]) expect(text, `event ${event.type} holds a secret`).not.toContain(secret);
  }
}

const types = (events: readonly AuditEvent[]) => events.map((e) => e.type);

/** Audit events with Auth0's log event types at every outcome, never carrying a secret. */
export function auditSuite(harness: AdapterHarness): void {
  describe('audit events', () => {
    const sms = createCapturingSender();
    const email = createCapturingSender();
    const ctx = useMountedApp(harness, { config: lifecycleConfig(), senders: { sms, email } });
    const post = (path: string, json: Record<string, unknown>, headers?: Record<string, string>) =>
      ctx.current.app.dispatch({ method: 'POST', path, json, ...(headers ? { headers } : {}) });
    const about = (name: string) => ctx.current.audit.about(name);

    it('password logins: s, fp, fu, and f for a blocked user, an unknown client and a disabled connection', async () => {
      const user = uniqueEmail('audit');
      const signed = await ctx.current.signup(user, GOOD_PASSWORD);
      const user_id = `auth0|${signed.json._id as string}`;
      const agent = { 'user-agent': 'Auth0.swift/1.9 (iOS 12)' };
      expect((await post('/oauth/ro', { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, username: user, password: GOOD_PASSWORD }, agent)).status).toBe(200);
      expect((await ctx.current.login({ username: user, password: WRONG })).status).toBe(401);
      const ghost = uniqueEmail('ghost');
      expect((await ctx.current.login({ username: ghost, password: WRONG })).status).toBe(401);
      expect((await ctx.current.login({ username: user, password: GOOD_PASSWORD, client_id: 'no-such-app' })).status).toBe(403);
      expect((await ctx.current.login({ username: user, password: GOOD_PASSWORD, connection: 'db-of-other-app' })).status).toBe(400);
      await ctx.current.deps.users.update(user_id, { blocked: true }, new Date().toISOString());
      expect((await ctx.current.login({ username: user, password: GOOD_PASSWORD })).status).toBe(401);

      const events = about(user);
      expect(types(events)).toEqual(['ss', 's', 'fp', 'f', 'f', 'f']);
      expect(events[1]).toMatchObject({
        client_id: TEST_CLIENTS.rs256,
        connection: DB_CONNECTION,
        strategy: 'auth0',
        user_id,
        user_name: user,
        user_agent: 'Auth0.swift/1.9 (iOS 12)',
        ip: expect.any(String),
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(events[2]).toMatchObject({ description: 'Wrong email or password.', details: { error: 'invalid_user_password' } });
      expect(events.slice(3).map((e) => e.details?.error)).toEqual(['unauthorized_client', 'connection_disabled', 'unauthorized']);
      expect(types(about(ghost))).toEqual(['fu']);
      expectNoSecrets([...events, ...about(ghost)]);
    });

    it.each([
      ['a known user', 'fp', true],
      ['an unknown user', 'fu', false],
    ] as const)('20 parallel wrong passwords for %s: exactly 10 %s events then 10 limit_wc, one per answer', async (_what, failure, known) => {
      const name = uniqueEmail('parallel');
      if (known) await ctx.current.signup(name, GOOD_PASSWORD);
      const answers = await Promise.all(Array.from({ length: 20 }, () => ctx.current.login({ username: name, password: WRONG })));
      expect(answers.filter((r) => r.status === 401)).toHaveLength(10);
      const events = about(name).filter((e) => e.type !== 'ss');
      expect(ctx.current.audit.countTypes(events)).toEqual({ [failure]: 10, limit_wc: 10 });
      expect(events.find((e) => e.type === 'limit_wc')).toMatchObject({ details: { error: 'too_many_attempts' }, connection: DB_CONNECTION });
      expectNoSecrets(events);
    });

    it('sign-up: ss, and fs with the policy error, never the password', async () => {
      const weak = 'weak1';
      const name = uniqueEmail('signup');
      expect((await ctx.current.signup(name, weak)).status).toBe(400);
      expect((await ctx.current.signup(name, GOOD_PASSWORD)).status).toBe(200);
      expect((await ctx.current.signup(name, GOOD_PASSWORD)).status).toBe(400);
      const events = about(name);
      expect(types(events)).toEqual(['fs', 'ss', 'fs']);
      expect(events.map((e) => e.details?.error)).toEqual(['invalid_password', undefined, 'user_exists']);
      expectNoSecrets(events, [weak]);
    });

    it('passwordless: cs (sms), cls (email), fn when the sender fails, s and f on login; the code is in no event', async () => {
      const number = uniquePhone();
      const address = uniqueEmail('pwless');
      const start = (json: Record<string, unknown>) => post('/passwordless/start', { client_id: TEST_CLIENTS.rs256, send: 'code', ...json });
      expect((await start({ connection: SMS_CONNECTION, phone_number: number })).status).toBe(200);
      expect((await start({ connection: EMAIL_CONNECTION, email: address })).status).toBe(200);
      const smsCode = sms.lastCode(number)!;
      const emailCode = email.lastCode(address)!;
      const wrongCode = smsCode === '000000' ? '111111' : '000000';
      const loginWith = (connection: string, username: string, password: string) =>
        ctx.current.login({ client_id: TEST_CLIENTS.rs256, connection, username, password, scope: 'openid' });
      expect((await loginWith(SMS_CONNECTION, number, wrongCode)).status).toBe(401);
      expect((await loginWith(SMS_CONNECTION, number, smsCode)).status).toBe(200);
      expect((await loginWith(EMAIL_CONNECTION, address, emailCode)).status).toBe(200);
      sms.fail('gateway answered 500');
      try {
        expect((await start({ connection: SMS_CONNECTION, phone_number: number })).status).toBe(400);
      } finally {
        sms.succeed();
      }
      const failedCode = sms.lastAttemptedCode(number)!;

      expect(types(about(number))).toEqual(['cs', 'f', 's', 'fn']);
      expect(types(about(address))).toEqual(['cls', 's']);
      expect(about(number)[2]).toMatchObject({ strategy: 'sms', connection: SMS_CONNECTION, user_id: expect.stringMatching(/^sms\|/) });
      expect(about(number)[3]).toMatchObject({ details: { error: 'sms_provider_error' } });
      expectNoSecrets([...about(number), ...about(address)], [smsCode, emailCode, failedCode]);
    });

    it('refresh, delegation and revocation: sertft, fertft, sd, fd, srrt; no token in any event', async () => {
      const { email: name, user_id } = await newLifecycleUser(ctx.current);
      const login = await lifecycleLogin(ctx.current, { client_id: C.public, username: name, scope: 'openid offline_access', device: 'iPhone' });
      const { refresh_token, id_token, access_token } = login.json as Record<string, string>;
      const refreshed = await post('/oauth/token', { grant_type: 'refresh_token', client_id: C.public, refresh_token });
      expect(refreshed.status).toBe(200);
      expect((await post('/oauth/token', { grant_type: 'refresh_token', client_id: C.public, refresh_token: `${refresh_token}x` })).status).toBe(403);
      const delegation = { client_id: C.public, grant_type: JWT_BEARER, api_type: 'app' };
      expect((await post('/delegation', { ...delegation, refresh_token })).status).toBe(200);
      expect((await post('/delegation', { ...delegation, refresh_token: 'not-a-token' })).status).toBe(403);
      expect((await post('/oauth/revoke', { client_id: C.public, token: refresh_token })).status).toBe(200);

      const events = ctx.current.audit.events.filter((e) => e.user_id === user_id || (e.client_id === C.public && e.type.startsWith('f')));
      expect(types(events)).toEqual(expect.arrayContaining(['s', 'sertft', 'fertft', 'sd', 'fd', 'srrt']));
      expect(events.find((e) => e.type === 'srrt')).toMatchObject({ client_id: C.public, details: { revoked: 1 } });
      expect(events.find((e) => e.type === 'sd')).toMatchObject({ user_id, details: { target: C.public } });
      const issued = [refresh_token!, id_token!, access_token!, refreshed.json.access_token as string];
      expectNoSecrets(events, issued);
    });

    it('Touch ID (jwt-bearer): s for a good assertion, f for a bad one; the assertion is in no event', async () => {
      const { email: name, user_id } = await newLifecycleUser(ctx.current);
      const login = await lifecycleLogin(ctx.current, { client_id: C.public, username: name, scope: 'openid' });
      const bearer = { authorization: `Bearer ${login.json.access_token as string}` };
      const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
      const device = `device-${randomUUID()}`;
      const enrolled = await post('/api/v2/device-credentials', { type: 'public_key', client_id: C.public, device_name: 'Phone', device_id: device, value: await exportSPKI(publicKey) }, bearer);
      expect(enrolled.status, enrolled.text).toBe(201);
      const assertion = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer(user_id).setIssuedAt().setJti(randomUUID()).setExpirationTime('2m').sign(privateKey);
      const touch = (id_token: string) => ctx.current.login({ client_id: C.public, connection: LIFECYCLE_CONNECTION, grant_type: JWT_BEARER, id_token, device, scope: 'openid' });
      expect((await touch(assertion)).status).toBe(200);
      expect((await touch(assertion)).status).toBe(400);

      const events = ctx.current.audit.events.filter((e) => e.connection === LIFECYCLE_CONNECTION && e.user_name === undefined && e.client_id === C.public);
      const mine = events.filter((e) => e.user_id === user_id || e.details?.error === 'invalid_grant');
      expect(mine.find((e) => e.user_id === user_id)).toMatchObject({ type: 's', strategy: 'auth0' });
      expect(mine.some((e) => e.type === 'f' && e.details?.error === 'invalid_grant')).toBe(true);
      expectNoSecrets(mine, [assertion, login.json.access_token as string]);
    });
  });

  describe('audit events of the per-IP throttles', () => {
    const ctx = useMountedApp(harness, { ipLimits: { failedLoginsPerIp: 3, signupsPerIp: 2 } });

    it('limit_mu once an IP has failed too often across users, and once it has signed up too often', async () => {
      const ghosts = [uniqueEmail('ip'), uniqueEmail('ip'), uniqueEmail('ip'), uniqueEmail('ip')];
      for (const ghost of ghosts) await ctx.current.login({ username: ghost, password: WRONG });
      expect(ghosts.map((g) => types(ctx.current.audit.about(g)))).toEqual([['fu'], ['fu'], ['fu'], ['limit_mu']]);
      expect(ctx.current.audit.about(ghosts[3]!)[0]).toMatchObject({ details: { error: 'too_many_requests' } });

      const people = [uniqueEmail('ips'), uniqueEmail('ips'), uniqueEmail('ips')];
      for (const person of people) await ctx.current.signup(person, GOOD_PASSWORD);
      expect(people.map((p) => types(ctx.current.audit.about(p)))).toEqual([['ss'], ['ss'], ['limit_mu']]);
      expectNoSecrets(ctx.current.audit.events);
    });
  });
}
