import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestOAuthRo } from '../fixtures/create-test-oauth-ro.js';
import type { AdapterHarness } from '../harness/types.js';
import { LIFECYCLE_CLIENTS as C, lifecycleConfig, lifecycleLogin, movableClock, newLifecycleUser } from './lifecycle-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

/** Signing-key rotation and the ES256/EdDSA extension, end to end through the adapter. */
export function keyRotationSuite(harness: AdapterHarness): void {
  describe('signing keys: rotation, ES256 and EdDSA', () => {
    const time = movableClock();
    const ctx = useMountedApp(harness, { config: lifecycleConfig(), clock: time.clock });
    afterEach(() => time.reset());

    const get = (path: string, token?: string) =>
      ctx.current.app.dispatch({ method: 'GET', path, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
    const jwks = async () => (await get('/.well-known/jwks.json')).json as { keys: { kid: string; kty: string; alg: string }[] };

    async function login(client_id: string = C.public) {
      const { email } = await newLifecycleUser(ctx.current);
      const res = await lifecycleLogin(ctx.current, { client_id, username: email, scope: 'openid' });
      expect(res.status, res.text).toBe(200);
      return res.json as { access_token: string; id_token: string };
    }

    it('signs with the new kid after rotation; tokens of the old key verify until they expire', async () => {
      const before = await login();
      const oldKid = decodeProtectedHeader(before.access_token).kid!;
      const { kid: newKid } = await ctx.current.oauthRo.rotateSigningKey();
      expect(newKid).not.toBe(oldKid);
      const after = await login();
      expect(decodeProtectedHeader(after.access_token).kid).toBe(newKid);
      expect(decodeProtectedHeader(after.id_token).kid).toBe(newKid);
      const kids = (await jwks()).keys.map((k) => k.kid);
      expect(kids[0]).toBe(newKid);
      expect(kids).toContain(oldKid);
      for (const token of [before.access_token, after.access_token]) {
        expect((await get('/userinfo', token)).status).toBe(200);
        expect((await get('/api/me', token)).status).toBe(200);
      }
      const set = createLocalJWKSet(await jwks());
      await jwtVerify(before.id_token, set, { audience: C.public });
      // Past the old tokens' expiry (plus skew and the reload interval), the old key leaves JWKS.
      time.advance((decodeJwt(before.access_token).exp! + 3600) * 1000 - Date.now());
      expect((await jwks()).keys.map((k) => k.kid)).not.toContain(oldKid);
      expect((await get('/userinfo', before.access_token)).status).toBe(401);
    });

    it('lets a second instance on the same key store accept the new kid at once', async () => {
      const second = await createTestOAuthRo({ config: lifecycleConfig(), users: ctx.current.deps.users, keys: ctx.current.deps.keys });
      await ctx.current.oauthRo.rotateSigningKey();
      const tokens = await login();
      // Through the framework's own route protection too (Fastify verifies with @fastify/jwt).
      const app = await harness.mount(second.oauthRo);
      const me = await app.dispatch({ method: 'GET', path: '/api/me', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(me.status, me.text).toBe(200);
      expect((await second.oauthRo.verifyAccessToken(tokens.access_token)).ok).toBe(true);
      expect((await second.oauthRo.verifyIdToken(tokens.id_token, C.public)).ok).toBe(true);
      await app.close();
      await second.oauthRo.close();
    });

    it.each([
      [C.es256, 'ES256', 'EC'],
      [C.eddsa, 'EdDSA', 'OKP'],
    ])('signs id_tokens of %s with %s, published in JWKS and accepted wherever an id_token is', async (client, alg, kty) => {
      const tokens = await login(client);
      const header = decodeProtectedHeader(tokens.id_token);
      expect(header.alg).toBe(alg);
      expect((await jwks()).keys.find((k) => k.kid === header.kid)).toMatchObject({ kty, alg });
      await jwtVerify(tokens.id_token, createLocalJWKSet(await jwks()), { audience: client, issuer: ctx.current.oauthRo.issuer });
      const info = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: tokens.id_token } });
      expect(info.status, info.text).toBe(200);
      expect((await ctx.current.oauthRo.verifyIdToken(tokens.id_token, client)).ok).toBe(true);
      // The app's own routes take access tokens (RS256, typ at+jwt), never an id_token.
      expect((await get('/api/me', tokens.id_token)).status).toBe(401);
      expect((await get('/api/me', tokens.access_token)).status).toBe(200);
      const discovery = await get('/.well-known/openid-configuration');
      expect(discovery.json.id_token_signing_alg_values_supported).toContain(alg);
    });
  });
}
