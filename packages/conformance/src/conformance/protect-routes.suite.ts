import { describe, expect, it } from 'vitest';
import { TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** The host app's own routes, protected the framework's way with the tokens oauth-ro issues (docs/spec.md §4). */
export function protectRoutesSuite(harness: AdapterHarness): void {
  describe('protecting the app\'s own routes', () => {
    const ctx = useMountedApp(harness);
    const me = (authorization?: string) =>
      ctx.current.app.dispatch({ method: 'GET', path: '/api/me', ...(authorization ? { headers: { authorization } } : {}) });

    it('lets an access token through with its subject, and no id_token (RS256 or HS256)', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      for (const client_id of [TEST_CLIENTS.rs256, TEST_CLIENTS.hs256]) {
        const tokens = (await ctx.current.login({ client_id, username: email, password: GOOD_PASSWORD, scope: 'openid' })).json;
        const res = await me(`Bearer ${tokens.access_token}`);
        expect(res.status, client_id).toBe(200);
        expect(res.json.sub).toMatch(/^auth0\|/);
        expect((await me(`Bearer ${tokens.id_token}`)).status, `${client_id} id_token`).toBe(401);
      }
    });

    it('answers 401 without a token, with a forged one, or one signed with another key', async () => {
      const { SignJWT, generateKeyPair } = await import('jose');
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT({ sub: 'auth0|x' })
        .setProtectedHeader({ alg: 'RS256', kid: ctx.current.oauthRo.jwks().keys[0]!.kid as string })
        .setIssuer(ctx.current.oauthRo.issuer)
        .setExpirationTime('1h')
        .sign(privateKey);
      const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"auth0|x"}').toString('base64url')}.`;
      for (const authorization of [undefined, 'Bearer garbage', `Bearer ${forged}`, `Bearer ${noneAlg}`]) {
        const res = await me(authorization);
        expect(res.status, String(authorization).slice(0, 30)).toBe(401);
      }
    });
  });
}
