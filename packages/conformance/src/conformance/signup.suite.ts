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

    it('refuses a taken email with Auth0\'s user_exists body, whatever its case', async () => {
      const email = uniqueEmail();
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const again = await ctx.current.signup(email.toUpperCase(), GOOD_PASSWORD);
      expect(again.status).toBe(400);
      expect(again.json).toEqual({ name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 400 });
    });

    it('refuses a taken username with Auth0\'s username_exists body', async () => {
      const username = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      expect((await signupTo('db-with-username', { email: uniqueEmail(), username })).status).toBe(200);
      const again = await signupTo('db-with-username', { email: uniqueEmail(), username });
      expect(again.status).toBe(400);
      expect(again.json).toEqual({ name: 'BadRequestError', code: 'username_exists', description: 'The username provided is in use already.', statusCode: 400 });
    });

    it('creates exactly one user when ten sign-ups for one email race', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(Array.from({ length: 10 }, () => ctx.current.signup(email, GOOD_PASSWORD)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 400 && r.json.code === 'user_exists')).toHaveLength(9);
    });

    it('refuses a password the policy rejects with Auth0\'s PasswordStrengthError and creates nothing', async () => {
      const email = uniqueEmail();
      const res = await ctx.current.signup(email, 'short');
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        name: 'PasswordStrengthError',
        message: 'Password is too weak',
        code: 'invalid_password',
        description: {
          rules: [
            { message: 'At least %d characters in length', format: [8], code: 'lengthAtLeast', verified: false },
            {
              message: 'Should contain:',
              code: 'shouldContain',
              verified: false,
              items: [
                { message: 'lower case letters (a-z)', code: 'lowerCase', verified: true },
                { message: 'upper case letters (A-Z)', code: 'upperCase', verified: false },
                { message: 'numbers (i.e. 0-9)', code: 'numbers', verified: false },
              ],
            },
          ],
          verified: false,
        },
        policy: '* At least 8 characters in length\n* Should contain:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n * numbers (i.e. 0-9)',
        statusCode: 400,
      });
      expect(await ctx.current.deps.users.find(DB_CONNECTION, { email })).toBeUndefined();
    });

    it('db-policy: good policy, the dictionary, no personal info, username limits, each with Auth0\'s body', async () => {
      const weak = await signupTo('db-policy', { email: uniqueEmail(), password: 'abcdefgh' });
      expect(weak.json).toMatchObject({ name: 'PasswordStrengthError', code: 'invalid_password', statusCode: 400 });
      expect(weak.json.policy).toContain('Contain at least 3 of the following 4 types of characters:');
      const common = await signupTo('db-policy', { email: uniqueEmail(), password: 'PASSword1' });
      expect(common.status).toBe(400);
      expect(common.json).toEqual({ name: 'PasswordDictionaryError', message: 'Password is too common', code: 'invalid_password', description: 'Password is too common', statusCode: 400 });
      const extra = await signupTo('db-policy', { email: uniqueEmail(), password: 'Acme-Rocket-77' });
      expect(extra.json).toMatchObject({ name: 'PasswordDictionaryError', code: 'invalid_password' });
      const email = uniqueEmail('marguerite');
      const personal = await signupTo('db-policy', { email, password: `${email.split('@')[0]}-X9` });
      expect(personal.json).toEqual({
        name: 'PasswordNoUserInfoError',
        message: 'Password is based on user information',
        code: 'invalid_password',
        description: 'Password is based on user information',
        statusCode: 400,
      });
      const shortName = await signupTo('db-policy', { email: uniqueEmail(), username: 'ab' });
      expect(shortName.status).toBe(400);
      expect(shortName.json.error_description).toBe('username must be from 3 to 15 characters');
      expect((await signupTo('db-policy', { email: uniqueEmail(), password: 'Violet-Harbour-42' })).status).toBe(200);
    });

    it('gives Lock the message keys it looks up (its signUpError: code, then name for invalid_password)', async () => {
      // auth0/lock src/connection/database/actions.js, signUpError, as published.
      const invalidPasswordKeys: Record<string, string> = {
        PasswordDictionaryError: 'password_dictionary_error',
        PasswordNoUserInfoError: 'password_no_user_info_error',
        PasswordStrengthError: 'password_strength_error',
      };
      const lockKey = (error: { code?: string; name?: string }) => (error.code === 'invalid_password' && invalidPasswordKeys[error.name ?? '']) || error.code;
      const email = uniqueEmail('lock');
      const personal = uniqueEmail('zanzibarian');
      const username = `l${Date.now().toString(36)}`;
      await signupTo('db-with-username', { email, username });
      const keys = [
        (await signupTo('db-with-username', { email, username: `${username}x` })).json,
        (await signupTo('db-with-username', { email: uniqueEmail(), username })).json,
        (await signupTo('db-policy', { email: uniqueEmail(), password: 'abc' })).json,
        (await signupTo('db-policy', { email: uniqueEmail(), password: 'PASSword1' })).json,
        (await signupTo('db-policy', { email: personal, password: `${personal.split('@')[0]}-X9` })).json,
      ].map(lockKey);
      expect(keys).toEqual(['user_exists', 'username_exists', 'password_strength_error', 'password_dictionary_error', 'password_no_user_info_error']);
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
