import { describe, expect, it } from 'vitest';
import { DB_CONNECTION, TEST_ADMIN_TOKEN } from '../fixtures/test-config.js';
import { createTestOAuthRo } from '../fixtures/create-test-oauth-ro.js';
import type { AdapterHarness, TestRequest, TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp, type AppUnderTest } from './use-mounted-app.js';

const NEW_PASSWORD = 'Another-Horse-42';
const AUTH = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Every admin route and method, with a path that names an existing-looking user or identifier. */
const ADMIN_CALLS: readonly TestRequest[] = [
  { method: 'GET', path: '/api/v2/user-blocks?identifier=a%40example.com' },
  { method: 'DELETE', path: '/api/v2/user-blocks?identifier=a%40example.com' },
  { method: 'GET', path: '/api/v2/user-blocks/auth0%7C123' },
  { method: 'DELETE', path: '/api/v2/user-blocks/auth0%7C123' },
  { method: 'GET', path: '/api/v2/users/auth0%7C123' },
  { method: 'PATCH', path: '/api/v2/users/auth0%7C123', json: { blocked: true } },
  { method: 'DELETE', path: '/api/v2/users/auth0%7C123' },
  { method: 'POST', path: '/api/v2/guardian/enrollments/ticket', json: { user_id: 'auth0|123' } },
  { method: 'GET', path: '/api/v2/guardian/enrollments/totp%7Cdev_1' },
  { method: 'DELETE', path: '/api/v2/guardian/enrollments/totp%7Cdev_1' },
  { method: 'GET', path: '/api/v2/users/auth0%7C123/enrollments' },
  { method: 'POST', path: '/api/v2/users/auth0%7C123/recovery-code-regeneration' },
  { method: 'DELETE', path: '/api/v2/users/auth0%7C123/multifactor/google-authenticator' },
];

/** A JSON error body with the contract's shape and a 4xx status. */
function expectClientError(res: TestResponse, status: number): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toMatchObject({ status, type: expect.stringContaining('application/json') });
  expect(res.json).toEqual({ error: expect.any(String), error_description: expect.any(String) });
}

/**
 * Administration (issue #7): the admin API, Auth0 Management API v2 shapes, behind the admin token —
 * list and release brute-force blocks, block users, set passwords.
 */
export function adminSuite(harness: AdapterHarness): void {
  describe('admin API', () => {
    const ctx = useMountedApp(harness);
    const admin = (req: TestRequest) => ctx.current.app.dispatch({ ...req, headers: { ...AUTH, ...req.headers } });
    const wrong = (username: string) => ctx.current.login({ username, password: 'Wrong-Password-1' });
    const right = (username: string, password = GOOD_PASSWORD) => ctx.current.login({ username, password });

    async function newUser(app: AppUnderTest = ctx.current): Promise<{ email: string; user_id: string }> {
      const email = uniqueEmail('admin');
      const res = await app.signup(email, GOOD_PASSWORD);
      expect(res.status).toBe(200);
      return { email, user_id: `auth0|${res.json._id}` };
    }

    /** Locks `email` out with real parallel wrong tries: 10 are judged, the rest refused. */
    async function lockOut(email: string): Promise<void> {
      const results = await Promise.all(Array.from({ length: 15 }, () => wrong(email)));
      expect(results.filter((r) => r.status === 429)).toHaveLength(5);
      expect((await right(email)).status).toBe(429);
    }

    it('lists a block made by parallel wrong tries, releases it by identifier, and the right password works again', async () => {
      const { email, user_id } = await newUser();
      const before = await admin({ method: 'GET', path: `/api/v2/user-blocks?identifier=${encodeURIComponent(email)}` });
      expect({ status: before.status, json: before.json }).toEqual({ status: 200, json: { blocked_for: [] } });
      await lockOut(email);

      // Any case: identifiers are counted normalised.
      const listed = await admin({ method: 'GET', path: `/api/v2/user-blocks?identifier=${encodeURIComponent(email.toUpperCase())}` });
      expect(listed.status).toBe(200);
      expect(listed.json).toEqual({ blocked_for: [{ identifier: email, ip: expect.any(String), connection: DB_CONNECTION }] });
      const byUser = await admin({ method: 'GET', path: `/api/v2/user-blocks/${encodeURIComponent(user_id)}` });
      expect(byUser.json).toEqual(listed.json);

      const released = await admin({ method: 'DELETE', path: `/api/v2/user-blocks?identifier=${encodeURIComponent(email)}` });
      expect({ status: released.status, text: released.text }).toEqual({ status: 204, text: '' });
      expect((await admin({ method: 'GET', path: `/api/v2/user-blocks/${encodeURIComponent(user_id)}` })).json).toEqual({ blocked_for: [] });
      expect((await right(email)).status).toBe(200);
    });

    it('releases a block by user id', async () => {
      const { email, user_id } = await newUser();
      await lockOut(email);
      const released = await admin({ method: 'DELETE', path: `/api/v2/user-blocks/${encodeURIComponent(user_id)}` });
      expect(released.status).toBe(204);
      expect((await right(email)).status).toBe(200);
    });

    it('blocks a user administratively: the right password gets 401 unauthorized until unblocked', async () => {
      const { email, user_id } = await newUser();
      const path = `/api/v2/users/${encodeURIComponent(user_id)}`;
      const patched = await admin({ method: 'PATCH', path, json: { blocked: true } });
      expect(patched.status).toBe(200);
      expect(patched.json).toMatchObject({ user_id, email, blocked: true });
      expect(patched.json).not.toHaveProperty('password_hash');
      const refused = await right(email);
      expect({ status: refused.status, error: refused.json.error }).toEqual({ status: 401, error: 'unauthorized' });
      expect((await admin({ method: 'GET', path })).json).toMatchObject({ user_id, blocked: true, identities: [{ connection: DB_CONNECTION }] });

      expect((await admin({ method: 'PATCH', path, json: { blocked: false } })).json).toMatchObject({ blocked: false });
      expect((await right(email)).status).toBe(200);
    });

    it('sets a password: the block is released, the new password works and the old one no longer does', async () => {
      const { email, user_id } = await newUser();
      await lockOut(email);
      const path = `/api/v2/users/${encodeURIComponent(user_id)}`;
      const patched = await admin({ method: 'PATCH', path, json: { password: NEW_PASSWORD, connection: DB_CONNECTION } });
      expect(patched.status).toBe(200);
      expect(patched.text).not.toContain(NEW_PASSWORD);
      expect((await admin({ method: 'GET', path: `/api/v2/user-blocks/${encodeURIComponent(user_id)}` })).json).toEqual({ blocked_for: [] });
      expect((await right(email, NEW_PASSWORD)).status).toBe(200);
      const old = await right(email);
      expect({ status: old.status, error: old.json.error }).toEqual({ status: 401, error: 'invalid_user_password' });
    });

    it('refuses a password the connection policy refuses, and changes nothing', async () => {
      const { email, user_id } = await newUser();
      const res = await admin({ method: 'PATCH', path: `/api/v2/users/${encodeURIComponent(user_id)}`, json: { password: 'short' } });
      expectClientError(res, 400);
      expect(res.json.error).toBe('invalid_password');
      expect((await right(email)).status).toBe(200);
    });

    it('deletes a user: 204, then its login fails like an unknown user and it is gone (deleting again is 204)', async () => {
      const { email, user_id } = await newUser();
      const path = `/api/v2/users/${encodeURIComponent(user_id)}`;
      expect((await admin({ method: 'DELETE', path })).status).toBe(204);
      expect((await right(email)).json.error).toBe('invalid_user_password');
      expectClientError(await admin({ method: 'GET', path }), 404);
      expect((await admin({ method: 'DELETE', path })).status).toBe(204);
    });

    it('answers 401 invalid_token to a missing, wrong, truncated or extended admin token on every admin route', async () => {
      const tokens = [undefined, 'Bearer wrong', `Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}`, `Bearer ${TEST_ADMIN_TOKEN}x`, `Basic ${TEST_ADMIN_TOKEN}`, TEST_ADMIN_TOKEN];
      for (const call of ADMIN_CALLS) {
        for (const authorization of tokens) {
          const res = await ctx.current.app.dispatch({ ...call, headers: authorization === undefined ? {} : { authorization } });
          expectClientError(res, 401);
          expect(res.json.error).toBe('invalid_token');
          expect(res.headers['www-authenticate']).toContain('Bearer');
        }
      }
    });

    it('refuses to start with an admin token shorter than 32 characters', async () => {
      await expect(createTestOAuthRo({ adminToken: 'x'.repeat(31) })).rejects.toThrow(/adminToken: must be at least 32 characters/);
      await expect(createTestOAuthRo({ adminToken: `${'x'.repeat(31)} y` })).rejects.toThrow(/adminToken/);
    });

    it('answers bad input with a 4xx JSON error, never a 5xx', async () => {
      const { user_id } = await newUser();
      const path = `/api/v2/users/${encodeURIComponent(user_id)}`;
      const bad: [TestRequest, number][] = [
        [{ method: 'PATCH', path, body: '{"blocked":', headers: { 'content-type': 'application/json' } }, 400],
        [{ method: 'PATCH', path, body: '[true]', headers: { 'content-type': 'application/json' } }, 400],
        [{ method: 'PATCH', path, body: 'blocked', headers: { 'content-type': 'text/plain' } }, 415],
        [{ method: 'PATCH', path, json: { blocked: 'yes' } }, 400],
        [{ method: 'PATCH', path, json: { blocked: null } }, 400],
        [{ method: 'PATCH', path, json: { password: 12345678 } }, 400],
        [{ method: 'PATCH', path, json: { password: ['Correct-Horse-9'] } }, 400],
        [{ method: 'PATCH', path, json: { email: 'new@example.com' } }, 400],
        [{ method: 'PATCH', path, json: { blocked: true, connection: 'another' } }, 400],
        [{ method: 'PATCH', path, json: {} }, 400],
        [{ method: 'PATCH', path, form: { blocked: 'true' } }, 400],
        [{ method: 'PATCH', path, json: { password: 'x'.repeat(5000) } }, 400],
        [{ method: 'PATCH', path: '/api/v2/users/auth0%7Cnobody', json: { blocked: true } }, 404],
        [{ method: 'GET', path: '/api/v2/users/auth0%7Cnobody' }, 404],
        [{ method: 'GET', path: '/api/v2/user-blocks/auth0%7Cnobody' }, 404],
        [{ method: 'DELETE', path: '/api/v2/user-blocks/auth0%7Cnobody' }, 404],
        [{ method: 'GET', path: '/api/v2/user-blocks' }, 400],
        [{ method: 'GET', path: '/api/v2/user-blocks?identifier=' }, 400],
        [{ method: 'DELETE', path: '/api/v2/user-blocks?identifier=a&identifier=b' }, 400],
        [{ method: 'GET', path: `/api/v2/user-blocks?identifier=${'a'.repeat(600)}` }, 400],
        [{ method: 'GET', path: '/api/v2/user-blocks?identifier=a&consider_brute_force_enablement=maybe' }, 400],
        [{ method: 'POST', path, json: { blocked: true } }, 405],
      ];
      for (const [req, status] of bad) {
        const res = await admin(req);
        expect({ req: `${req.method} ${req.path.slice(0, 60)} ${JSON.stringify(req.json ?? req.form ?? req.body)?.slice(0, 40)}`, status: res.status }).toEqual({
          req: expect.any(String),
          status,
        });
        expectClientError(res, status);
      }
      // A path segment that does not decode: core says 404; Express's router refuses it first (400,
      // the contract's JSON through the adapter), and so does Fastify's (its own JSON, before any plugin runs).
      const undecodable = await admin({ method: 'GET', path: '/api/v2/users/%E0%A4%A' });
      expect([400, 404]).toContain(undecodable.status);
      expect(undecodable.headers['content-type']).toContain('application/json');
      // An implausibly long id: 404 from core; Fastify's own maxParamLength (a host setting) says 414 first.
      const long = await admin({ method: 'GET', path: `/api/v2/users/${'a'.repeat(600)}` });
      expect([404, 414]).toContain(long.status);
      if (long.status === 404) expectClientError(long, 404);
      // Nothing above changed the user.
      expect((await admin({ method: 'GET', path })).json).toMatchObject({ user_id, blocked: false });
    });

    it('refuses a password for a user of a connection without passwords here', async () => {
      const now = new Date().toISOString();
      const user_id = `sms|${Math.random().toString(36).slice(2)}`;
      await ctx.current.deps.users.create({ user_id, connection: 'sms', strategy: 'sms', phone_number: '+15550100999', blocked: false, profile: {}, created_at: now, updated_at: now });
      const res = await admin({ method: 'PATCH', path: `/api/v2/users/${encodeURIComponent(user_id)}`, json: { password: NEW_PASSWORD } });
      expectClientError(res, 400);
    });
  });

  describe('admin API without an admin token', () => {
    const ctx = useMountedApp(harness, { adminToken: null });

    it('answers 404 not_found on every admin route, as for a path it does not serve, whatever the token', async () => {
      for (const call of ADMIN_CALLS) {
        for (const headers of [{}, AUTH]) {
          const res = await ctx.current.app.dispatch({ ...call, headers });
          expectClientError(res, 404);
          expect(res.json).toEqual({ error: 'not_found', error_description: `no route for ${call.method} ${call.path.split('?')[0]}` });
        }
      }
    });
  });
}
