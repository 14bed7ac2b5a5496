import { auth0Hooks, createScriptRunner } from '@oauth-ro/scripts';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { HS256_SECRET, TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { codeOf, MFA_APP_SECRET, MFA_CLIENTS, mfaLogin, newEnrolledUser, newMfaUser, steppingClock } from './mfa-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** MFA asked for by a Rule only for one client (its `options.mfa` is not active; enrolment at login is). */
const RULE_CONNECTION = 'db-mfa-rule';
/** MFA asked for by an Action. */
const ACTION_CONNECTION = 'db-mfa-action';
/** The connection switch on, and a Rule answering `provider: 'none'`. */
const SWITCH_CONNECTION = 'db-mfa-switch';

const MFA_RULE = `function (user, context, callback) {
  if (user.email.indexOf('duo-') === 0) {
    context.multifactor = { provider: 'duo' };
  } else if (context.connection === '${RULE_CONNECTION}' && context.clientID === '${TEST_CLIENTS.rs256}' && !context.authentication.methods.find((m) => m.name === 'mfa')) {
    context.multifactor = { provider: 'google-authenticator', allowRememberBrowser: false };
  } else if (context.connection === '${SWITCH_CONNECTION}') {
    context.multifactor = { provider: 'none' };
  }
  user.app_metadata = user.app_metadata || {};
  user.app_metadata.logins = (user.app_metadata.logins || 0) + 1;
  auth0.users.updateAppMetadata(user.user_id, user.app_metadata).then(function () { callback(null, user, context); });
}`;
/** What the Rules and Actions were told about the login's factors, as claims. */
const METHODS_CLAIM = 'https://oauth-ro.test/methods';
const METHODS_RULE = `function (user, context, callback) {
  context.idToken['${METHODS_CLAIM}'] = context.authentication.methods;
  callback(null, user, context);
}`;
const MFA_ACTION = `exports.onExecutePostLogin = async (event, api) => {
  if (event.connection.name === '${ACTION_CONNECTION}') api.multifactor.enable('any', { allowRememberBrowser: false });
  api.accessToken.setCustomClaim('${METHODS_CLAIM}', event.authentication.methods);
};`;

const MFA_REQUIRED = { error: 'a0.mfa_required', error_description: 'missing mfa_code parameter' };
const MFA_INVALID = { error: 'a0.mfa_invalid_code', error_description: 'Wrong or expired code.' };
const NOT_ENROLLED = { error: 'a0.mfa_registration_required', error_description: 'User is not enrolled with Google Authenticator' };
const REALM = 'http://auth0.com/oauth/grant-type/password-realm';
const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp';

/**
 * docs/spec.md §5.9: a Rule's `context.multifactor` and an Action's `api.multifactor.enable`, run by the
 * real script runner, require the second factor of that login as the connection's `options.mfa` does.
 */
export function mfaRulesSuite(harness: AdapterHarness): void {
  describe('MFA asked for by Rules and Actions', () => {
    const clock = steppingClock();
    const runner = createScriptRunner({ size: 1, timeoutMs: 10_000 });
    const clients = [TEST_CLIENTS.rs256, TEST_CLIENTS.hs256];
    const ctx = useMountedApp(harness, {
      config: testConfig({
        connections: [
          { name: RULE_CONNECTION, strategy: 'auth0', enabled_clients: clients, options: { mfa: { active: false, return_enroll_settings: true } } },
          { name: ACTION_CONNECTION, strategy: 'auth0', enabled_clients: clients, options: { mfa: { return_enroll_settings: true } } },
          { name: SWITCH_CONNECTION, strategy: 'auth0', enabled_clients: clients, options: { mfa: { active: true } } },
        ],
      }),
      clock,
      hooks: auth0Hooks(runner, { rules: [
          { name: 'mfa for one app', script: MFA_RULE },
          { name: 'authentication methods', script: METHODS_RULE },
        ], actions: { 'post-login': [{ name: 'mfa action', code: MFA_ACTION }] } }),
    });
    afterAll(() => runner.close());
    const refreshTokensOf = async (user_id: string) => (await ctx.current.deps.refreshTokens!.listByUser(user_id)).length;
    const logins = async (email: string) =>
      (await ctx.current.deps.users.find(RULE_CONNECTION, { email }))?.profile.app_metadata?.['logins'];

    it('a Rule asking for MFA for one client: enrolment at login, then the code; the other client of the connection logs in without', async () => {
      const { email } = await newMfaUser(ctx.current, RULE_CONNECTION);
      const first = await mfaLogin(ctx.current, { username: email }, RULE_CONNECTION);
      expect(first.status).toBe(401);
      expect(first.json).toMatchObject({ error: 'a0.mfa_registration_required', mfa_settings: { provider: 'google-authenticator', key: expect.stringMatching(/^[A-Z2-7]{32}$/) } });
      const confirmed = await mfaLogin(ctx.current, { username: email, mfa_code: await codeOf(first.json.mfa_settings.key as string, clock.now()) }, RULE_CONNECTION);
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.json.recovery_code).toMatch(/^[A-Z0-9]{24}$/);
      clock.advance(30_000);
      expect(await mfaLogin(ctx.current, { username: email }, RULE_CONNECTION).then((r) => [r.status, r.json])).toEqual([401, MFA_REQUIRED]);
      // The Rule's metadata is saved only for the login that passed.
      expect(await logins(email)).toBe(1);
      const other = { client_id: MFA_CLIENTS.other, connection: RULE_CONNECTION, grant_type: 'password', username: email, password: GOOD_PASSWORD };
      const plain = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', json: other });
      expect(plain.status, plain.text).toBe(200);
      const stray = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', json: { ...other, mfa_code: '123456' } });
      expect([stray.status, stray.json]).toEqual([400, { error: 'invalid_request', error_description: 'mfa_code not allowed' }]);
    });

    it('refuses no code, a wrong code and a replayed code of a Rule’s MFA, and issues nothing for them', async () => {
      const user = await newEnrolledUser(ctx.current, clock, RULE_CONNECTION);
      const before = await refreshTokensOf(user.user_id);
      const login = (extra: Record<string, unknown>) => mfaLogin(ctx.current, { username: user.email, scope: 'openid offline_access', device: 'attacker', ...extra }, RULE_CONNECTION);
      expect(await login({}).then((r) => [r.status, r.json])).toEqual([401, MFA_REQUIRED]);
      expect(await login({ mfa_code: '000000' }).then((r) => [r.status, r.json])).toEqual([401, MFA_INVALID]);
      // One character off the real recovery code (a fixed last character would be the real code one time in 36).
      const offByOne = user.recovery_code.slice(0, 23) + (user.recovery_code.endsWith('X') ? 'Y' : 'X');
      expect(await login({ mfa_code: offByOne }).then((r) => [r.status, r.json])).toEqual([401, MFA_INVALID]);
      const code = await codeOf(user.key, clock.now());
      const right = await login({ mfa_code: code });
      expect(right.status, right.text).toBe(200);
      expect(right.json.refresh_token).toEqual(expect.any(String));
      const replayed = await login({ mfa_code: code });
      expect([replayed.status, replayed.json]).toEqual([401, MFA_INVALID]);
      expect(replayed.json).not.toHaveProperty('access_token');
      expect(await refreshTokensOf(user.user_id)).toBe(before + 1);
      clock.advance(30_000);
    });

    it('gives exactly one of 10 parallel logins with one code of a Rule’s MFA tokens, and issues one refresh token', async () => {
      const user = await newEnrolledUser(ctx.current, clock, RULE_CONNECTION);
      const before = await refreshTokensOf(user.user_id);
      const code = await codeOf(user.key, clock.now());
      const login = () => mfaLogin(ctx.current, { username: user.email, scope: 'openid offline_access', device: 'attacker', mfa_code: code }, RULE_CONNECTION);
      const results = await Promise.all(Array.from({ length: 10 }, login));
      const passed = results.filter((r) => r.status === 200);
      expect(passed).toHaveLength(1);
      expect(passed[0]!.json.refresh_token).toEqual(expect.any(String));
      expect(results.filter((r) => r.status !== 200).map((r) => [r.status, r.json])).toEqual(Array.from({ length: 9 }, () => [401, MFA_INVALID]));
      expect(await refreshTokensOf(user.user_id)).toBe(before + 1);
      clock.advance(30_000);
    });

    it('an Action’s api.multifactor.enable requires the code as well', async () => {
      const user = await newEnrolledUser(ctx.current, clock, ACTION_CONNECTION);
      expect(await mfaLogin(ctx.current, { username: user.email }, ACTION_CONNECTION).then((r) => [r.status, r.json])).toEqual([401, MFA_REQUIRED]);
      expect(await mfaLogin(ctx.current, { username: user.email, mfa_code: '111111' }, ACTION_CONNECTION).then((r) => r.json)).toEqual(MFA_INVALID);
      const ok = await mfaLogin(ctx.current, { username: user.email, mfa_code: await codeOf(user.key, clock.now()) }, ACTION_CONNECTION);
      expect(ok.status, ok.text).toBe(200);
      clock.advance(30_000);
    });

    it('a Rule cannot switch off the connection’s options.mfa (provider none)', async () => {
      const { email } = await newMfaUser(ctx.current, SWITCH_CONNECTION);
      expect(await mfaLogin(ctx.current, { username: email }, SWITCH_CONNECTION).then((r) => [r.status, r.json])).toEqual([401, NOT_ENROLLED]);
    });

    it('refuses a provider it cannot serve (Duo) as Auth0 did, with no tokens', async () => {
      const email = uniqueEmail('duo');
      const signup = await ctx.current.app.dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: MFA_CLIENTS.app, connection: RULE_CONNECTION, email, password: GOOD_PASSWORD } });
      expect(signup.status).toBe(200);
      const user_id = `auth0|${signup.json._id as string}`;
      const res = await mfaLogin(ctx.current, { username: email, scope: 'openid offline_access', device: 'phone' }, RULE_CONNECTION);
      expect([res.status, res.json]).toEqual([400, { error: 'invalid_request', error_description: 'Provider duo not supported' }]);
      expect(await refreshTokensOf(user_id)).toBe(0);
    });

    it('/oauth/token password-realm: a Rule’s MFA answers mfa_required with an mfa_token that mfa-otp redeems; the other client gets tokens', async () => {
      const user = await newEnrolledUser(ctx.current, clock, RULE_CONNECTION);
      const token = (json: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/oauth/token', json });
      const app = { client_id: MFA_CLIENTS.app, client_secret: MFA_APP_SECRET };
      const realm = await token({ grant_type: REALM, ...app, username: user.email, password: GOOD_PASSWORD, realm: RULE_CONNECTION, scope: 'openid offline_access' });
      expect([realm.status, realm.json]).toEqual([403, { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: expect.any(String) }]);
      const before = await refreshTokensOf(user.user_id);
      const wrong = await token({ grant_type: MFA_OTP, ...app, mfa_token: realm.json.mfa_token, otp: '000000' });
      expect(wrong.status).toBe(403);
      expect(await refreshTokensOf(user.user_id)).toBe(before);
      const done = await token({ grant_type: MFA_OTP, ...app, mfa_token: realm.json.mfa_token, otp: await codeOf(user.key, clock.now()) });
      expect(done.status, done.text).toBe(200);
      expect(done.json.refresh_token).toEqual(expect.any(String));
      const other = await token({ grant_type: REALM, client_id: MFA_CLIENTS.other, client_secret: HS256_SECRET, username: user.email, password: GOOD_PASSWORD, realm: RULE_CONNECTION });
      expect(other.status, other.text).toBe(200);
      clock.advance(30_000);
    });

    it('mfa-otp reruns the Rules and Actions with authentication.methods holding mfa: a Rule asking for MFA only without it completes with tokens', async () => {
      const user = await newEnrolledUser(ctx.current, clock, RULE_CONNECTION);
      const token = (json: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/oauth/token', json });
      const app = { client_id: MFA_CLIENTS.app, client_secret: MFA_APP_SECRET };
      const realm = await token({ grant_type: REALM, ...app, username: user.email, password: GOOD_PASSWORD, realm: RULE_CONNECTION, scope: 'openid offline_access' });
      expect(realm.status, realm.text).toBe(403);
      const before = await refreshTokensOf(user.user_id);
      const done = await token({ grant_type: MFA_OTP, ...app, mfa_token: realm.json.mfa_token, otp: await codeOf(user.key, clock.now()) });
      expect(done.status, done.text).toBe(200);
      expect(done.json).toMatchObject({ access_token: expect.any(String), id_token: expect.any(String), refresh_token: expect.any(String) });
      expect(await refreshTokensOf(user.user_id)).toBe(before + 1);
      // Rules: epoch milliseconds; Actions: ISO 8601 strings (Auth0's two shapes).
      expect(decodeJwt(done.json.id_token as string)[METHODS_CLAIM]).toEqual([
        { name: 'pwd', timestamp: expect.any(Number) },
        { name: 'mfa', timestamp: expect.any(Number) },
      ]);
      const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(decodeJwt(done.json.access_token as string)[METHODS_CLAIM]).toEqual([
        { name: 'pwd', timestamp: iso },
        { name: 'mfa', timestamp: iso },
      ]);
      clock.advance(30_000);
      // /oauth/ro runs them before the code is judged: they see the password only.
      const ro = await mfaLogin(ctx.current, { username: user.email, scope: 'openid', mfa_code: await codeOf(user.key, clock.now()) }, RULE_CONNECTION);
      expect(ro.status, ro.text).toBe(200);
      expect(decodeJwt(ro.json.id_token as string)[METHODS_CLAIM]).toEqual([{ name: 'pwd', timestamp: expect.any(Number) }]);
      clock.advance(30_000);
    });
  });
}
