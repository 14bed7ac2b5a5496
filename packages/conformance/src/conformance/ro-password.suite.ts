import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { DB_CONNECTION, HS256_ENCODED_SECRET, HS256_SECRET, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const STANDARD = ['aud', 'exp', 'iat', 'iss', 'sub'];

/** POST /oauth/ro with database connections: success shapes, scopes, signatures, errors. */
export function roPasswordSuite(harness: AdapterHarness): void {
  describe('POST /oauth/ro (database, password grant)', () => {
    const ctx = useMountedApp(harness);

    async function jwks() {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      return createLocalJWKSet(res.json);
    }

    it('returns an access token only when no scope is asked', async () => {
      const email = uniqueEmail();
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Object.keys(res.json).sort()).toEqual(['access_token', 'token_type']);
      expect(res.json.token_type).toBe('bearer');
    });

    it('gives an RS256 id_token with only iss sub aud iat exp for scope=openid, verifiable from JWKS', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD, scope: 'openid' });
      expect(res.status).toBe(200);
      const { payload, protectedHeader } = await jwtVerify(res.json.id_token, await jwks(), {
        issuer: 'https://auth.test.example/',
        audience: TEST_CLIENTS.rs256,
      });
      expect(protectedHeader.alg).toBe('RS256');
      expect(protectedHeader.kid).toBeTypeOf('string');
      expect(Object.keys(payload).sort()).toEqual(STANDARD);
      expect(payload.sub).toMatch(/^auth0\|[0-9a-f]{24}$/);
      expect(payload.exp! - payload.iat!).toBe(36000);
    });

    it('adds exactly the attributes named in scope (email brings email_verified along, as Auth0 did)', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD, scope: 'openid name email' });
      const claims = decodeJwt(res.json.id_token);
      expect(Object.keys(claims).sort()).toEqual([...STANDARD, 'email', 'email_verified', 'name'].sort());
      expect(claims.email).toBe(email);
    });

    it('adds the whole profile for scope=openid profile', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD, scope: 'openid profile' });
      const claims = decodeJwt(res.json.id_token);
      expect(claims).toMatchObject({ email, email_verified: false, nickname: email.split('@')[0], name: email });
      expect(claims).not.toHaveProperty('password_hash');
    });

    it('signs HS256 id_tokens with the client secret, base64url-decoded when secret_encoded', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const plain = await ctx.current.login({ client_id: TEST_CLIENTS.hs256, username: email, password: GOOD_PASSWORD, scope: 'openid' });
      expect(decodeProtectedHeader(plain.json.id_token).alg).toBe('HS256');
      await jwtVerify(plain.json.id_token, new TextEncoder().encode(HS256_SECRET), { audience: TEST_CLIENTS.hs256 });
      const encoded = await ctx.current.login({ client_id: TEST_CLIENTS.hs256Encoded, username: email, password: GOOD_PASSWORD, scope: 'openid' });
      await jwtVerify(encoded.json.id_token, Buffer.from(HS256_ENCODED_SECRET, 'base64url'), { audience: TEST_CLIENTS.hs256Encoded });
      await expect(jwtVerify(encoded.json.id_token, new TextEncoder().encode(HS256_ENCODED_SECRET))).rejects.toThrow();
    });

    it('accepts form bodies', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const res = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/oauth/ro',
        form: { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, grant_type: 'password', username: email, password: GOOD_PASSWORD, scope: 'openid' },
      });
      expect(res.status).toBe(200);
      expect(res.json.id_token).toBeTypeOf('string');
    });

    it('finds users by email in any case, and by username', async () => {
      const email = uniqueEmail();
      await ctx.current.app.dispatch({
        method: 'POST',
        path: '/dbconnections/signup',
        json: { client_id: TEST_CLIENTS.rs256, connection: 'db-with-username', email, username: `u${Date.now()}`, password: GOOD_PASSWORD },
      });
      const user = await ctx.current.deps.users.find('db-with-username', { email });
      expect(user?.username).toBeDefined();
      for (const username of [email.toUpperCase(), user!.username!]) {
        const res = await ctx.current.login({ connection: 'db-with-username', username, password: GOOD_PASSWORD });
        expect(res.status, username).toBe(200);
      }
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const wrong = await ctx.current.login({ username: email, password: 'Wrong-Password-1' });
      const unknown = await ctx.current.login({ username: uniqueEmail('nobody'), password: GOOD_PASSWORD });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.json).toEqual({ error: 'invalid_user_password', error_description: 'Wrong email or password.' });
      }
    });

    it('refuses a blocked user only after the right password', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const user = await ctx.current.deps.users.find(DB_CONNECTION, { email });
      await ctx.current.deps.users.update(user!.user_id, { blocked: true }, new Date().toISOString());
      const wrong = await ctx.current.login({ username: email, password: 'Wrong-Password-1' });
      expect(wrong.json.error).toBe('invalid_user_password');
      const right = await ctx.current.login({ username: email, password: GOOD_PASSWORD });
      expect(right.status).toBe(401);
      expect(right.json.error).toBe('unauthorized');
      expect(right.json.error_description).toMatch(/blocked/);
    });

    it.each([
      ['client_id', { client_id: undefined }],
      ['connection', { connection: undefined }],
      ['username', { username: undefined }],
      ['password', { password: undefined }],
      ['username', { username: '' }],
    ])('says "missing %s parameter"', async (name, override) => {
      const res = await ctx.current.login({ username: 'a@example.com', password: 'x', ...override });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ error: 'invalid_request', error_description: `missing ${name} parameter` });
    });

    it.each([
      ['scope', 42],
      ['username', ['a', 'b']],
      ['password', null],
      ['client_id', { id: 'x' }],
      ['connection', true],
    ])('refuses %s of the wrong type with 400 naming it', async (name, value) => {
      const res = await ctx.current.login({ username: 'a@example.com', password: 'x', [name]: value });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('invalid_request');
      expect(res.json.error_description).toContain(name);
    });

    it('refuses an unknown client with 403 unauthorized_client', async () => {
      const res = await ctx.current.login({ client_id: 'no-such-client', username: 'a@example.com', password: 'x' });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: 'unauthorized_client', error_description: 'invalid client' });
    });

    it('tells an unknown connection from one not enabled for the client', async () => {
      const unknown = await ctx.current.login({ connection: 'no-such-connection', username: 'a@example.com', password: 'x' });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({ error: 'invalid_request', error_description: 'the connection was not found' });
      const disabled = await ctx.current.login({ connection: 'db-of-other-app', username: 'a@example.com', password: 'x' });
      expect(disabled.status).toBe(400);
      expect(disabled.json).toEqual({ error: 'invalid_request', error_description: 'the connection was disabled' });
    });

    it('refuses an unknown grant_type', async () => {
      const res = await ctx.current.login({ grant_type: 'client_credentials', username: 'a@example.com', password: 'x' });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('unsupported_grant_type');
    });

    it('upgrades a hash weaker than the configured parameters on a good login', async () => {
      const { createArgon2Hasher } = await import('@oauth-ro/argon2');
      const weak = await createArgon2Hasher({ memoryCost: 256, timeCost: 1, parallelism: 1 });
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const user = await ctx.current.deps.users.find(DB_CONNECTION, { email });
      await ctx.current.deps.users.update(user!.user_id, { password_hash: await weak.hash(GOOD_PASSWORD) }, new Date().toISOString());
      expect(ctx.current.deps.hasher.needsRehash((await ctx.current.deps.users.findById(user!.user_id))!.password_hash!)).toBe(true);
      expect((await ctx.current.login({ username: email, password: GOOD_PASSWORD })).status).toBe(200);
      const after = await ctx.current.deps.users.findById(user!.user_id);
      expect(ctx.current.deps.hasher.needsRehash(after!.password_hash!)).toBe(false);
      expect((await ctx.current.login({ username: email, password: GOOD_PASSWORD })).status).toBe(200);
    });
  });
}
