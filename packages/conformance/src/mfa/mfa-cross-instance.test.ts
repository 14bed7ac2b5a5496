import { createMemoryStores } from '@oauth-ro/store-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, MFA_APP_SECRET, MFA_CLIENTS, MFA_CONNECTION, mfaConfig, steppingClock } from '../conformance/mfa-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail } from '../conformance/use-mounted-app.js';
import { createTestOAuthRo, type TestOAuthRo } from '../fixtures/create-test-oauth-ro.js';
import { fetchHarness } from '../harness/index.js';
import type { MountedApp } from '../harness/types.js';

// Two instances on shared stores (as two servers on one database and Redis), with one key-encryption key.
const KEK = Buffer.alloc(32, 9).toString('base64');

describe('MFA across instances sharing stores', () => {
  const clock = steppingClock();
  const shared = createMemoryStores();
  let a: TestOAuthRo;
  let b: TestOAuthRo;
  let appA: MountedApp;
  let appB: MountedApp;
  beforeAll(async () => {
    const options = { config: mfaConfig(), clock, keyEncryptionKey: KEK, ...shared, mfaEnrollments: shared.mfaEnrollments };
    a = await createTestOAuthRo(options);
    b = await createTestOAuthRo(options);
    appA = await fetchHarness.mount(a.oauthRo);
    appB = await fetchHarness.mount(b.oauthRo);
  });
  afterAll(async () => {
    await Promise.all([appA.close(), appB.close(), a.oauthRo.close(), b.oauthRo.close()]);
  });
  const login = (app: MountedApp, json: Record<string, unknown>) =>
    app.dispatch({ method: 'POST', path: '/oauth/ro', json: { client_id: MFA_CLIENTS.app, connection: MFA_CONNECTION, password: GOOD_PASSWORD, ...json } });

  it('enrols on one instance, logs in on the other, and refuses there a code the first accepted (in parallel too)', async () => {
    const email = uniqueEmail('cross');
    const signed = await appA.dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: MFA_CLIENTS.app, connection: MFA_CONNECTION, email, password: GOOD_PASSWORD } });
    expect(signed.status).toBe(200);
    const key = (await login(appA, { username: email })).json.mfa_settings.key as string;
    // The pending enrolment sealed by A is read by B (same key-encryption key).
    expect((await login(appB, { username: email })).json.mfa_settings.key).toBe(key);
    expect((await login(appB, { username: email, mfa_code: await codeOf(key, clock.now()) })).status).toBe(200);
    clock.advance(30_000);
    const code = await codeOf(key, clock.now());
    const raced = await Promise.all([appA, appB, appA, appB].map((app) => login(app, { username: email, mfa_code: code })));
    expect(raced.filter((r) => r.status === 200)).toHaveLength(1);
    expect(raced.filter((r) => r.status === 401).map((r) => r.json.error)).toEqual(['a0.mfa_invalid_code', 'a0.mfa_invalid_code', 'a0.mfa_invalid_code']);
  });

  it('redeems an mfa_token of one instance on the other, once', async () => {
    const email = uniqueEmail('cross-token');
    await appA.dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: MFA_CLIENTS.app, connection: MFA_CONNECTION, email, password: GOOD_PASSWORD } });
    const key = (await login(appA, { username: email })).json.mfa_settings.key as string;
    await login(appA, { username: email, mfa_code: await codeOf(key, clock.now()) });
    clock.advance(30_000);
    const client = { client_id: MFA_CLIENTS.app, client_secret: MFA_APP_SECRET };
    const first = await appA.dispatch({ method: 'POST', path: '/oauth/token', json: { grant_type: 'http://auth0.com/oauth/grant-type/password-realm', ...client, username: email, password: GOOD_PASSWORD, realm: MFA_CONNECTION } });
    const mfa_token = first.json.mfa_token as string;
    const redeem = (app: MountedApp, otp: string) => app.dispatch({ method: 'POST', path: '/oauth/token', json: { grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', ...client, mfa_token, otp } });
    expect((await redeem(appB, await codeOf(key, clock.now()))).status).toBe(200);
    clock.advance(30_000);
    expect((await redeem(appA, await codeOf(key, clock.now()))).json).toEqual({ error: 'invalid_grant', error_description: 'Malformed mfa_token' });
  });
});
