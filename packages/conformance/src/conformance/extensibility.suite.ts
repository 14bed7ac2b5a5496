import type { CustomDatabase } from '@oauth-ro/core';
import { auth0CustomDatabase, auth0Hooks, createScriptRunner } from '@oauth-ro/scripts';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const LEGACY = 'legacy-db';
const LEGACY_PASSWORD = 'Legacy-Passw0rd';

const CLAIMS_RULE = `function (user, context, callback) {
  context.idToken['https://example.com/plan'] = (user.app_metadata && user.app_metadata.plan) || 'free';
  context.idToken.not_namespaced = 'dropped';
  context.idToken['https://example.com/protocol'] = context.protocol;
  context.accessToken['https://example.com/client'] = context.clientName;
  user.app_metadata = user.app_metadata || {};
  user.app_metadata.logins = (user.app_metadata.logins || 0) + 1;
  auth0.users.updateAppMetadata(user.user_id, user.app_metadata).then(function () { callback(null, user, context); });
}`;
const DENY_RULE = `function (user, context, callback) {
  if (user.email.indexOf('blocked-') === 0) return callback(new UnauthorizedError('Your account is suspended.'));
  callback(null, user, context);
}`;
const CLAIMS_ACTION = `exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://example.com/from-action', event.client.client_id);
  api.user.setUserMetadata('last_client', event.client.client_id);
};`;
const PRE_SIGNUP_ACTION = `exports.onExecutePreUserRegistration = async (event, api) => {
  if (event.user.email.endsWith('@spam.example')) return api.access.deny('no_spam', 'Sign-ups from this domain are closed.');
  api.user.setUserMetadata('source', 'pre-registration');
};`;
/** A custom-database login script as Auth0 wrote them: a legacy store in `configuration`, no network. */
const LEGACY_LOGIN = `function login(email, password, callback) {
  if (email.indexOf('down-') === 0) return callback(new Error('connect ECONNREFUSED legacy'));
  if (email.indexOf('legacy-') !== 0) return callback(new WrongUsernameOrPasswordError(email));
  if (password !== configuration.PASSWORD) return callback(new WrongUsernameOrPasswordError(email, 'Wrong email or password.'));
  callback(null, { user_id: 'L-' + email.split('@')[0], email: email, email_verified: true, name: 'Legacy ' + email, app_metadata: { plan: 'gold' } });
}`;
const LEGACY_GET_USER = 'function getByEmail(email, callback) { callback(null); }';

/** Rules, Actions and custom-database scripts through core's hooks, on every adapter (docs/spec.md §5). */
export function extensibilitySuite(harness: AdapterHarness): void {
  describe('Rules, Actions and custom databases', () => {
    const runner = createScriptRunner({ size: 1, timeoutMs: 10_000 });
    const calls = { login: 0 };
    const real = auth0CustomDatabase(runner, { connection: LEGACY, scripts: { login: LEGACY_LOGIN, get_user: LEGACY_GET_USER }, configuration: { PASSWORD: LEGACY_PASSWORD } });
    const counted: CustomDatabase = { login: (email, password) => ((calls.login += 1), real.login(email, password)), getUser: (email) => real.getUser(email) };
    const ctx = useMountedApp(harness, {
      config: testConfig({
        connections: [{ name: LEGACY, strategy: 'auth0', enabled_clients: [TEST_CLIENTS.rs256], options: { enabledDatabaseCustomization: true, import_mode: true, brute_force_protection: true, customScripts: { login: LEGACY_LOGIN, get_user: LEGACY_GET_USER } } }],
      }),
      hooks: auth0Hooks(runner, {
        rules: [
          { name: 'deny suspended', script: DENY_RULE, order: 1 },
          { name: 'claims', script: CLAIMS_RULE, order: 2 },
        ],
        actions: { 'post-login': [{ name: 'claims action', code: CLAIMS_ACTION }], 'pre-user-registration': [{ name: 'no spam', code: PRE_SIGNUP_ACTION }] },
      }),
      customDatabases: { [LEGACY]: counted },
    });
    afterAll(() => runner.close());

    it('adds namespaced claims from Rules and Actions, drops the rest, and saves metadata', async () => {
      const email = uniqueEmail();
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD, scope: 'openid offline_access', device: 'test-device' });
      expect(res.status).toBe(200);
      const id = decodeJwt(res.json.id_token);
      expect(id).toMatchObject({ 'https://example.com/plan': 'free', 'https://example.com/protocol': 'oauth2-resource-owner', 'https://example.com/from-action': TEST_CLIENTS.rs256 });
      expect(id).not.toHaveProperty('not_namespaced');
      expect(decodeJwt(res.json.access_token)).toMatchObject({ 'https://example.com/client': 'RS256 app' });
      const stored = await ctx.current.deps.users.find('Username-Password-Authentication', { email });
      expect(stored?.profile.app_metadata).toEqual({ logins: 1 });
      expect(stored?.profile.user_metadata).toMatchObject({ last_client: TEST_CLIENTS.rs256 });
      // Rules run on refresh too, as Auth0's did, with their own protocol.
      const refreshed = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/token', json: { grant_type: 'refresh_token', client_id: TEST_CLIENTS.rs256, client_secret: 'rs256-client-secret-value', refresh_token: res.json.refresh_token } });
      expect(refreshed.status).toBe(200);
      expect(decodeJwt(refreshed.json.id_token)).toMatchObject({ 'https://example.com/protocol': 'oauth2-refresh-token' });
      expect((await ctx.current.deps.users.find('Username-Password-Authentication', { email }))?.profile.app_metadata).toEqual({ logins: 2 });
    });

    it("answers a Rule's UnauthorizedError as Auth0 did, and issues nothing", async () => {
      const email = uniqueEmail('blocked');
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD, scope: 'openid offline_access', device: 'test-device' });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'unauthorized', error_description: 'Your account is suspended.' });
      const user = await ctx.current.deps.users.find('Username-Password-Authentication', { email });
      expect(await ctx.current.deps.refreshTokens!.listByUser(user!.user_id)).toEqual([]);
    });

    it('lets a pre-user-registration Action refuse or enrich a sign-up', async () => {
      const refused = await ctx.current.signup(uniqueEmail('x').replace('@example.com', '@spam.example'), GOOD_PASSWORD);
      expect(refused.status).toBe(400);
      expect(refused.json.error_description ?? refused.json.description).toBe('Sign-ups from this domain are closed.');
      const email = uniqueEmail();
      const created = await ctx.current.signup(email, GOOD_PASSWORD, { user_metadata: { color: 'blue' } });
      expect(created.status).toBe(200);
      const stored = await ctx.current.deps.users.find('Username-Password-Authentication', { email });
      expect(stored?.profile.user_metadata).toEqual({ color: 'blue', source: 'pre-registration' });
    });

    it('migrates a custom-database user on the first login and never asks the script again (import_mode)', async () => {
      const email = uniqueEmail('legacy');
      const login = (password: string) => ctx.current.login({ connection: LEGACY, username: email, password, scope: 'openid' });
      const before = calls.login;
      const wrongFirst = await login('wrong-password');
      expect(wrongFirst.status).toBe(401);
      expect(wrongFirst.json.error).toBe('invalid_user_password');
      const first = await login(LEGACY_PASSWORD);
      expect(first.status).toBe(200);
      expect(decodeJwt(first.json.id_token)).toMatchObject({ sub: `auth0|L-${email.split('@')[0]}`, 'https://example.com/plan': 'gold' });
      const stored = await ctx.current.deps.users.find(LEGACY, { email });
      expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
      expect(calls.login - before).toBe(2);
      const second = await login(LEGACY_PASSWORD);
      expect(second.status).toBe(200);
      const wrongLocal = await login('wrong-password');
      expect(wrongLocal.status).toBe(401);
      expect(calls.login - before).toBe(2);
    });

    it('answers 503 when the legacy system is down, for users not migrated yet only', async () => {
      const res = await ctx.current.login({ connection: LEGACY, username: uniqueEmail('down'), password: LEGACY_PASSWORD });
      expect(res.status).toBe(503);
      expect(res.json.error).toBe('temporarily_unavailable');
      expect(JSON.stringify(res.json)).not.toContain('ECONNREFUSED');
    });
  });
}
