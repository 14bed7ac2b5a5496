import { auth0CustomDatabase, createScriptRunner } from '@oauth-ro/scripts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCapturingSender, type CapturingSender } from '../fixtures/capturing-sender.js';
import { TEST_ADMIN_TOKEN, TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import { startLegacyUserApi, type LegacyUserApi } from '../fakes/legacy-user-api.js';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** Users live only upstream (no import_mode): every operation goes through a script. */
const LIVE = 'legacy-live';
/** Lazy migration (import_mode): only login and get_user are ever asked. */
const IMPORT = 'legacy-import';
const NEW_PASSWORD = 'Brand-New-Horse-7';
const AUTH = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Custom-database scripts written the way Auth0's templates write them, against a legacy JSON API. */
const SCRIPTS = {
  login: `function login(email, password, callback) {
  const request = require('request');
  request.post({ url: configuration.BASE + '/login', json: { email: email, password: password } }, function (err, response, body) {
    if (err) return callback(err);
    if (response.statusCode === 401) return callback(new WrongUsernameOrPasswordError(email));
    if (response.statusCode !== 200) return callback(new Error('the legacy API answered ' + response.statusCode));
    callback(null, body);
  });
}`,
  get_user: `function getByEmail(email, callback) {
  const request = require('request');
  request.get({ url: configuration.BASE + '/users', qs: { email: email }, json: true }, function (err, response, body) {
    if (err) return callback(err);
    if (response.statusCode === 404) return callback(null);
    if (response.statusCode !== 200) return callback(new Error('the legacy API answered ' + response.statusCode));
    callback(null, body);
  });
}`,
  create: `function create(user, callback) {
  const request = require('request');
  request.post({ url: configuration.BASE + '/users', json: { email: user.email, password: user.password } }, function (err, response) {
    if (err) return callback(err);
    if (response.statusCode === 409) return callback(new ValidationError('user_exists', 'The user already exists.'));
    if (response.statusCode !== 201) return callback(new Error('the legacy API answered ' + response.statusCode));
    callback(null);
  });
}`,
  verify: `function verify(email, callback) {
  const request = require('request');
  request.post({ url: configuration.BASE + '/verify', json: { email: email } }, function (err, response, body) {
    if (err || response.statusCode !== 200) return callback(err || new Error('the legacy API answered ' + response.statusCode));
    callback(null, body.verified);
  });
}`,
  change_password: `function changePassword(email, newPassword, callback) {
  const request = require('request');
  request.post({ url: configuration.BASE + '/password', json: { email: email, password: newPassword } }, function (err, response, body) {
    if (err || response.statusCode !== 200) return callback(err || new Error('the legacy API answered ' + response.statusCode));
    callback(null, body.changed);
  });
}`,
  delete: `function remove(id, callback) {
  const request = require('request');
  request.del({ url: configuration.BASE + '/users/' + encodeURIComponent(id) }, function (err, response) {
    if (err || response.statusCode !== 204) return callback(err || new Error('the legacy API answered ' + response.statusCode));
    callback(null);
  });
}`,
};

function linkTo(sender: CapturingSender, to: string, kind: 'lo/reset' | 'api/v2/tickets/email-verification'): string | undefined {
  const message = [...sender.messages].reverse().find((m) => m.recipient === to && m.body.includes(kind));
  const url = message && new RegExp(`https://auth\\.test\\.example/(${kind.replace(/\//g, '\\/')}\\?ticket=[A-Za-z0-9_-]+)`).exec(message.body)?.[1];
  return url ? `/${url}` : undefined;
}

async function eventually<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nothing arrived within 10 s');
}

const cookieOf = (res: TestResponse) => String([res.headers['set-cookie'] as string | string[] | undefined].flat()[0] ?? '').split(';')[0]!;
const fieldOf = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];

/** Custom databases beyond login: sign-up, reset, verification and deletion, as Auth0 ran the scripts (docs/spec.md §5.7). */
export function customDatabaseSuite(harness: AdapterHarness): void {
  describe('custom databases: create, verify, change_password, delete and get_user', () => {
    let legacy: LegacyUserApi;
    // Read by the scripts on every run; the legacy API's port is known once it listens.
    const configuration: Record<string, string> = {};
    const runner = createScriptRunner({ size: 1, timeoutMs: 10_000, allowHosts: ['127.0.0.1:*'] });
    const email = createCapturingSender();
    const options = (import_mode: boolean) => ({ enabledDatabaseCustomization: true, import_mode, customScripts: SCRIPTS, passwordPolicy: 'fair' });
    const ctx = useMountedApp(harness, {
      config: testConfig({
        connections: [
          { name: LIVE, strategy: 'auth0', enabled_clients: [TEST_CLIENTS.rs256], options: options(false) },
          { name: IMPORT, strategy: 'auth0', enabled_clients: [TEST_CLIENTS.rs256], options: options(true) },
        ],
      }),
      customDatabases: {
        [LIVE]: auth0CustomDatabase(runner, { connection: LIVE, scripts: SCRIPTS, configuration }),
        [IMPORT]: auth0CustomDatabase(runner, { connection: IMPORT, scripts: SCRIPTS, configuration }),
      },
      senders: { email, sms: createCapturingSender() },
    });
    beforeAll(async () => {
      legacy = await startLegacyUserApi();
      configuration['BASE'] = legacy.url;
    });
    afterAll(async () => {
      await runner.close();
      await legacy?.close();
    });

    const dispatch = (request: Parameters<typeof ctx.current.app.dispatch>[0]) => ctx.current.app.dispatch(request);
    const signup = (connection: string, address: string, password = GOOD_PASSWORD) =>
      dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: TEST_CLIENTS.rs256, connection, email: address, password } });
    const login = (connection: string, username: string, password: string) => ctx.current.login({ connection, username, password, scope: 'openid' });
    const changePassword = (connection: string, address: string) =>
      dispatch({ method: 'POST', path: '/dbconnections/change_password', json: { client_id: TEST_CLIENTS.rs256, connection, email: address } });
    const seed = (address: string, password = 'Legacy-Passw0rd') => {
      const id = `L-${address.split('@')[0]}`;
      legacy.users.set(address, { id, email: address, password, email_verified: true });
      return id;
    };
    const calls = (route: string) => legacy.calls.get(route) ?? 0;
    async function reset(link: string, password: string) {
      const page = await dispatch({ method: 'GET', path: link });
      expect(page.status).toBe(200);
      const form = { ticket: fieldOf(page.text, 'ticket')!, _csrf: fieldOf(page.text, '_csrf')!, newPassword: password, confirmNewPassword: password };
      return dispatch({ method: 'POST', path: '/lo/reset', form, headers: { cookie: cookieOf(page) } });
    }

    it('without import_mode, a sign-up runs get_user, create, then login; the user stays upstream', async () => {
      const address = uniqueEmail('live');
      const created = await signup(LIVE, address);
      expect(created.status).toBe(200);
      const upstream = legacy.users.get(address)!;
      expect(upstream.password).toBe(GOOD_PASSWORD);
      expect(created.json).toEqual({ _id: upstream.id, email: address, email_verified: false });
      const local = await ctx.current.deps.users.find(LIVE, { email: address });
      expect(local?.user_id).toBe(`auth0|${upstream.id}`);
      expect(local?.password_hash).toBeUndefined();
      const before = calls('POST /login');
      expect((await login(LIVE, address, GOOD_PASSWORD)).status).toBe(200);
      expect(calls('POST /login') - before).toBe(1);
    });

    it("answers Auth0's user_exists when get_user or the create script's ValidationError knows the email", async () => {
      const address = uniqueEmail('known');
      seed(address);
      const known = await signup(LIVE, address);
      expect(known.status).toBe(400);
      expect(known.json).toEqual({ name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 400 });
      expect((await signup(IMPORT, address)).json).toMatchObject({ code: 'user_exists', statusCode: 400 });
    });

    it('answers 503 temporarily_unavailable without details when the legacy system fails, and creates nothing', async () => {
      const address = uniqueEmail('broken');
      const failed = await signup(LIVE, address);
      expect(failed.status).toBe(503);
      expect(failed.json).toEqual({ error: 'temporarily_unavailable', error_description: "the legacy-live connection's user database is unavailable" });
      expect(await ctx.current.deps.users.find(LIVE, { email: address })).toBeUndefined();
      expect((await signup(IMPORT, address)).status).toBe(503);
      expect(await ctx.current.deps.users.find(IMPORT, { email: address })).toBeUndefined();
    });

    it('without import_mode, a reset finds an upstream-only user with get_user and sets the password with change_password', async () => {
      const address = uniqueEmail('reset');
      seed(address);
      const nobody = uniqueEmail('nobody');
      expect((await changePassword(LIVE, address)).status).toBe(200);
      expect((await changePassword(LIVE, nobody)).status).toBe(200);
      const link = await eventually(() => linkTo(email, address, 'lo/reset'));
      const done = await reset(link, NEW_PASSWORD);
      expect(done.status).toBe(200);
      expect(legacy.users.get(address)!.password).toBe(NEW_PASSWORD);
      expect((await ctx.current.deps.users.find(LIVE, { email: address }))?.password_hash).toBeUndefined();
      expect((await login(LIVE, address, NEW_PASSWORD)).status).toBe(200);
      expect((await login(LIVE, address, 'Legacy-Passw0rd')).status).toBe(401);
      expect(email.messages.some((m) => m.recipient === nobody)).toBe(false);
      // The admin API's ticket by email finds an upstream-only user the same way.
      const other = uniqueEmail('ticket');
      seed(other);
      const ticket = await dispatch({ method: 'POST', path: '/api/v2/tickets/password-change', headers: AUTH, json: { email: other, connection_id: LIVE } });
      expect(ticket.status).toBe(201);
      expect((await dispatch({ method: 'POST', path: '/api/v2/tickets/password-change', headers: AUTH, json: { email: nobody, connection_id: LIVE } })).status).toBe(404);
      // Spent: the link does not work twice.
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(400);
    });

    it('without import_mode, a failing change_password script keeps the reset link; the legacy password parameter is refused', async () => {
      const address = uniqueEmail('brokenreset');
      legacy.users.set(address, { id: 'L-x', email: address, password: 'Legacy-Passw0rd', email_verified: true });
      await ctx.current.deps.users.upsert({ user_id: 'auth0|L-x', connection: LIVE, strategy: 'auth0', email: address, blocked: false, profile: {}, created_at: new Date().toISOString(), updated_at: new Date().toISOString() });
      // get_user of a `broken…` address fails, so issue the ticket through the admin API instead.
      const ticket = await dispatch({ method: 'POST', path: '/api/v2/tickets/password-change', headers: AUTH, json: { user_id: 'auth0|L-x' } });
      expect(ticket.status).toBe(201);
      const link = new URL(ticket.json.ticket as string).pathname + new URL(ticket.json.ticket as string).search;
      const failed = await reset(link, NEW_PASSWORD);
      expect(failed.status).toBe(503);
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(200);
      const legacyPassword = await dispatch({ method: 'POST', path: '/dbconnections/change_password', json: { client_id: TEST_CLIENTS.rs256, connection: LIVE, email: address, password: NEW_PASSWORD } });
      expect(legacyPassword.status).toBe(400);
    });

    it('without import_mode, the verification link runs the verify script once, and a link it did not verify still works', async () => {
      const address = uniqueEmail('verify');
      expect((await signup(LIVE, address)).status).toBe(200);
      const link = await eventually(() => linkTo(email, address, 'api/v2/tickets/email-verification'));
      const before = calls('POST /verify');
      const verified = await dispatch({ method: 'GET', path: link });
      expect(verified.status).toBe(200);
      expect(verified.text).toContain('Your email was verified');
      expect(calls('POST /verify') - before).toBe(1);
      expect(legacy.users.get(address)!.email_verified).toBe(true);
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(400);
    });

    it('without import_mode, 20 parallel submissions of one reset link reach change_password once, with the password acknowledged', async () => {
      const address = uniqueEmail('race');
      seed(address);
      expect((await changePassword(LIVE, address)).status).toBe(200);
      const page = await dispatch({ method: 'GET', path: await eventually(() => linkTo(email, address, 'lo/reset')) });
      const base = { ticket: fieldOf(page.text, 'ticket')!, _csrf: fieldOf(page.text, '_csrf')! };
      const before = calls('POST /password');
      const passwords = Array.from({ length: 20 }, (_, i) => `Race-Horse-${i}0`);
      const answers = await Promise.all(
        passwords.map((pw) => dispatch({ method: 'POST', path: '/lo/reset', form: { ...base, newPassword: pw, confirmNewPassword: pw }, headers: { cookie: cookieOf(page) } })),
      );
      const won = answers.map((a, i) => (a.status === 200 ? passwords[i] : undefined)).filter((pw) => pw !== undefined);
      expect(won).toHaveLength(1);
      expect(answers.filter((a) => a.status === 400)).toHaveLength(19);
      expect(calls('POST /password') - before).toBe(1);
      expect(legacy.users.get(address)!.password).toBe(won[0]);
    });

    it('without import_mode, a verification link the verify script fails on keeps working', async () => {
      const address = uniqueEmail('brokenverify');
      const user_id = `auth0|${address.split('@')[0]}`;
      await ctx.current.deps.users.upsert({ user_id, connection: LIVE, strategy: 'auth0', email: address, blocked: false, profile: { email_verified: false }, created_at: new Date().toISOString(), updated_at: new Date().toISOString() });
      const job = await dispatch({ method: 'POST', path: '/api/v2/jobs/verification-email', headers: AUTH, json: { user_id } });
      expect(job.status).toBe(201);
      const link = await eventually(() => linkTo(email, address, 'api/v2/tickets/email-verification'));
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(503);
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(503);
    });

    it('without import_mode, the admin API sets passwords and deletes users through the scripts; a failed delete deletes nothing', async () => {
      const address = uniqueEmail('admin');
      expect((await signup(LIVE, address)).status).toBe(200);
      const user_id = `auth0|${legacy.users.get(address)!.id}`;
      const patched = await dispatch({ method: 'PATCH', path: `/api/v2/users/${encodeURIComponent(user_id)}`, headers: AUTH, json: { password: NEW_PASSWORD } });
      expect(patched.status).toBe(200);
      expect(legacy.users.get(address)!.password).toBe(NEW_PASSWORD);
      const deleted = await dispatch({ method: 'DELETE', path: `/api/v2/users/${encodeURIComponent(user_id)}`, headers: AUTH });
      expect(deleted.status).toBe(204);
      expect(legacy.users.has(address)).toBe(false);
      expect(await ctx.current.deps.users.findById(user_id)).toBeUndefined();
      expect((await login(LIVE, address, NEW_PASSWORD)).status).toBe(401);

      const stuck = 'auth0|broken-1';
      await ctx.current.deps.users.upsert({ user_id: stuck, connection: LIVE, strategy: 'auth0', email: uniqueEmail('stuck'), blocked: false, profile: {}, created_at: new Date().toISOString(), updated_at: new Date().toISOString() });
      const failed = await dispatch({ method: 'DELETE', path: `/api/v2/users/${encodeURIComponent(stuck)}`, headers: AUTH });
      expect(failed.status).toBe(503);
      expect(failed.json.error).toBe('temporarily_unavailable');
      expect(await ctx.current.deps.users.findById(stuck)).toBeDefined();
    });

    it('with import_mode, a sign-up of a new email is local (no create script), and a reset of a user not migrated yet migrates it with the new password', async () => {
      const untouched = () => [calls('POST /users'), calls('POST /verify'), calls('POST /password'), calls('DELETE /users/:id')];
      const before = untouched();
      const fresh = uniqueEmail('fresh');
      expect((await signup(IMPORT, fresh)).status).toBe(200);
      expect(legacy.users.has(fresh)).toBe(false);
      expect((await ctx.current.deps.users.find(IMPORT, { email: fresh }))?.password_hash).toMatch(/^\$argon2id\$/);

      const old = uniqueEmail('old');
      const id = seed(old);
      expect((await changePassword(IMPORT, old)).status).toBe(200);
      const link = await eventually(() => linkTo(email, old, 'lo/reset'));
      expect((await reset(link, NEW_PASSWORD)).status).toBe(200);
      const migrated = await ctx.current.deps.users.find(IMPORT, { email: old });
      expect(migrated?.user_id).toBe(`auth0|${id}`);
      expect(migrated?.password_hash).toMatch(/^\$argon2id\$/);
      expect(legacy.users.get(old)!.password).toBe('Legacy-Passw0rd');
      const logins = calls('POST /login');
      expect((await login(IMPORT, old, NEW_PASSWORD)).status).toBe(200);
      expect((await login(IMPORT, old, 'Legacy-Passw0rd')).status).toBe(401);
      expect(calls('POST /login')).toBe(logins);
      // Auth0 never ran create, verify, change_password or delete for an import_mode connection.
      expect(untouched()).toEqual(before);
    });
  });
}
