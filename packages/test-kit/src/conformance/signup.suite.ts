import { describe, expect, it } from 'vitest';
import { DB_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** POST /dbconnections/signup. */
export function signupSuite(harness: AdapterHarness): void {
  describe('POST /dbconnections/signup', () => {
    const ctx = useMountedApp(harness);
    const signupTo = (connection: string, body: Record<string, unknown>) =>
      ctx.current.app.dispatch({
        method: 'POST',
        path: '/dbconnections/signup',
        json: { client_id: TEST_CLIENTS.rs256, connection, password: GOOD_PASSWORD, ...body },
      });

    it('creates a user and answers {_id, email, email_verified}', async () => {
      const email = uniqueEmail();
      const res = await ctx.current.signup(email, GOOD_PASSWORD, { user_metadata: { plan: 'gold' } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ email, email_verified: false, user_metadata: { plan: 'gold' } });
      expect(res.json._id).toMatch(/^[0-9a-f]{24}$/);
      const stored = await ctx.current.deps.users.findById(`auth0|${res.json._id}`);
      expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('refuses a taken email with invalid_signup, whatever its case', async () => {
      const email = uniqueEmail();
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const again = await ctx.current.signup(email.toUpperCase(), GOOD_PASSWORD);
      expect(again.status).toBe(400);
      expect(again.json).toEqual({ error: 'invalid_signup', error_description: 'Invalid sign up' });
    });

    it('creates exactly one user when ten sign-ups for one email race', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(Array.from({ length: 10 }, () => ctx.current.signup(email, GOOD_PASSWORD)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 400 && r.json.error === 'invalid_signup')).toHaveLength(9);
    });

    it('refuses a password the policy rejects with invalid_password and creates nothing', async () => {
      const email = uniqueEmail();
      const res = await ctx.current.signup(email, 'short');
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('invalid_password');
      expect(await ctx.current.deps.users.find(DB_CONNECTION, { email })).toBeUndefined();
    });

    it('answers bad.connection for unknown, non-database and disabled connections', async () => {
      for (const connection of ['nope', 'db-of-other-app']) {
        const res = await signupTo(connection, { email: uniqueEmail() });
        expect(res.status, connection).toBe(400);
        expect(res.json.error, connection).toBe('bad.connection');
      }
    });

    it('answers 403 when sign-up is disabled', async () => {
      const res = await signupTo('db-no-signup', { email: uniqueEmail() });
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('access_denied');
    });

    it('requires a username where the connection does', async () => {
      const res = await signupTo('db-with-username', { email: uniqueEmail() });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ error: 'invalid_request', error_description: 'missing username parameter' });
    });

    it.each([
      ['email', { email: undefined }],
      ['password', { password: undefined }],
      ['client_id', { client_id: undefined }],
    ])('says "missing %s parameter"', async (name, override) => {
      const res = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/dbconnections/signup',
        json: { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, email: uniqueEmail(), password: GOOD_PASSWORD, ...override },
      });
      expect(res.status).toBe(400);
      expect(res.json.error_description).toBe(`missing ${name} parameter`);
    });

    it('refuses an invalid email and user_metadata that is not an object of strings', async () => {
      expect((await ctx.current.signup('not-an-email', GOOD_PASSWORD)).json.error).toBe('invalid_signup');
      const meta = await ctx.current.signup(uniqueEmail(), GOOD_PASSWORD, { user_metadata: { nested: { a: 1 } } });
      expect(meta.status).toBe(400);
      expect(meta.json.error_description).toContain('user_metadata');
    });

    it('refuses an unknown client', async () => {
      const res = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/dbconnections/signup',
        json: { client_id: 'nope', connection: DB_CONNECTION, email: uniqueEmail(), password: GOOD_PASSWORD },
      });
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('unauthorized_client');
    });
  });
}
