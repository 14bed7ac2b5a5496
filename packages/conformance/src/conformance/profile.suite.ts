import { describe, expect, it } from 'vitest';
import { TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** POST /tokeninfo and GET /userinfo. */
export function profileSuite(harness: AdapterHarness): void {
  describe('/tokeninfo and /userinfo', () => {
    const ctx = useMountedApp(harness);

    async function loggedIn(client_id: string = TEST_CLIENTS.rs256) {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const res = await ctx.current.login({ client_id, username: email, password: GOOD_PASSWORD, scope: 'openid' });
      expect(res.status).toBe(200);
      return { email, tokens: res.json as { id_token: string; access_token: string } };
    }

    it('returns the full profile for an RS256 or HS256 id_token', async () => {
      for (const client of [TEST_CLIENTS.rs256, TEST_CLIENTS.hs256, TEST_CLIENTS.hs256Encoded]) {
        const { email, tokens } = await loggedIn(client);
        const res = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: tokens.id_token } });
        expect(res.status, client).toBe(200);
        expect(res.json).toMatchObject({ email, email_verified: false, name: email, nickname: email.split('@')[0] });
        expect(res.json.user_id).toMatch(/^auth0\|/);
        expect(res.json.identities).toEqual([
          { provider: 'auth0', user_id: res.json.user_id.slice(6), connection: 'Username-Password-Authentication', isSocial: false },
        ]);
        expect(res.json.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(res.json.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
    });

    it('refuses a tampered, foreign or missing id_token', async () => {
      const { tokens } = await loggedIn();
      const [h, p, s] = tokens.id_token.split('.');
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'auth0|someone-else' })).toString('base64url')}.${s}`;
      for (const id_token of [tampered, 'not.a.jwt', 'x']) {
        const res = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token } });
        expect(res.status).toBe(401);
        expect(res.json.error).toBe('invalid_token');
      }
      const missing = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: {} });
      expect(missing.status).toBe(400);
      expect(missing.json.error_description).toBe('missing id_token parameter');
    });

    it('returns the profile with sub for a bearer access token', async () => {
      const { email, tokens } = await loggedIn();
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ email, sub: res.json.user_id });
      expect(res.json.sub).toMatch(/^auth0\|/);
    });

    it('answers 401 invalid_token without a valid bearer token', async () => {
      for (const authorization of [undefined, 'Bearer nope', 'Basic YTpi', 'Bearer ']) {
        const res = await ctx.current.app.dispatch({
          method: 'GET',
          path: '/userinfo',
          ...(authorization ? { headers: { authorization } } : {}),
        });
        expect(res.status, String(authorization)).toBe(401);
        expect(res.json.error).toBe('invalid_token');
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    });

    it('stops answering for a user who was deleted', async () => {
      const { email, tokens } = await loggedIn();
      const user = await ctx.current.deps.users.find('Username-Password-Authentication', { email });
      await ctx.current.deps.users.delete(user!.user_id);
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(res.status).toBe(401);
    });
  });
}
