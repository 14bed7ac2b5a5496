import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import {
  CONFIDENTIAL_SECRET,
  IDLE_LIFETIME_S,
  JWT_BEARER,
  LIFECYCLE_CLIENTS as C,
  lifecycleConfig,
  lifecycleLogin,
  movableClock,
  newLifecycleUser,
  ROTATING_LIFETIME_S,
  ROTATION_LEEWAY_S,
  sha256Hex,
} from './lifecycle-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

const INVALID_REFRESH = { error: 'access_denied', error_description: 'Unknown or invalid refresh token' };

/** Refresh tokens, /delegation, /oauth/token, rotation with reuse detection, /oauth/revoke, device listing. */
export function tokenLifecycleSuite(harness: AdapterHarness): void {
  describe('refresh tokens, /delegation, /oauth/token and /oauth/revoke', () => {
    const time = movableClock();
    const ctx = useMountedApp(harness, { config: lifecycleConfig(), clock: time.clock });
    afterEach(() => time.reset());

    const post = (path: string, json: Record<string, unknown>, headers?: Record<string, string>) =>
      ctx.current.app.dispatch({ method: 'POST', path, json, ...(headers ? { headers } : {}) });
    const delegate = (params: Record<string, unknown>) =>
      post('/delegation', { client_id: C.public, grant_type: JWT_BEARER, target: C.public, api_type: 'app', ...params });
    const refresh = (client_id: string, refresh_token: string, extra: Record<string, unknown> = {}) =>
      post('/oauth/token', { grant_type: 'refresh_token', client_id, refresh_token, ...extra });

    /** A user logged in with offline_access and a device; returns the login response body and user id. */
    async function withRefreshToken(client_id: string = C.public, device = 'iPhone of Ada') {
      const user = await newLifecycleUser(ctx.current);
      const res = await lifecycleLogin(ctx.current, { client_id, username: user.email, scope: 'openid offline_access', device });
      expect(res.status, res.text).toBe(200);
      return { ...user, tokens: res.json as { access_token: string; id_token: string; refresh_token: string } };
    }

    async function verifyFromJwks(token: string, audience: string) {
      const jwks = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      return jwtVerify(token, createLocalJWKSet(jwks.json), { issuer: ctx.current.oauthRo.issuer, audience });
    }

    const expectInvalidRefresh = (res: TestResponse) => {
      expect(res.status, res.text).toBe(403);
      expect(res.json).toEqual(INVALID_REFRESH);
    };

    it('returns an opaque 256-bit refresh_token for offline_access with device, stored only as its hash', async () => {
      const { tokens, user_id } = await withRefreshToken();
      expect(Object.keys(tokens).sort()).toEqual(['access_token', 'id_token', 'refresh_token', 'token_type']);
      expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      const record = await ctx.current.deps.refreshTokens!.findByHash(sha256Hex(tokens.refresh_token));
      expect(record).toMatchObject({ user_id, client_id: C.public, device: 'iPhone of Ada', scope: 'openid offline_access' });
      expect(JSON.stringify(record)).not.toContain(tokens.refresh_token);
    });

    it('gives no refresh_token without device, or without offline_access', async () => {
      const { email } = await newLifecycleUser(ctx.current);
      for (const extra of [{ scope: 'openid offline_access' }, { scope: 'openid', device: 'iPhone' }]) {
        const res = await lifecycleLogin(ctx.current, { client_id: C.public, username: email, ...extra });
        expect(res.status).toBe(200);
        expect(res.json).not.toHaveProperty('refresh_token');
      }
    });

    it('/delegation exchanges a refresh_token for a fresh id_token (Auth0 shape)', async () => {
      const { tokens, user_id, email } = await withRefreshToken();
      const res = await delegate({ refresh_token: tokens.refresh_token, scope: 'openid email' });
      expect(res.status, res.text).toBe(200);
      expect(res.json).toEqual({ id_token: expect.any(String), token_type: 'Bearer', expires_in: 36000 });
      const { payload } = await verifyFromJwks(res.json.id_token, C.public);
      expect(payload).toMatchObject({ sub: user_id, email });
      // The refresh token stays valid (non-rotating client).
      expect((await delegate({ refresh_token: tokens.refresh_token })).status).toBe(200);
    });

    it('/delegation signs for the target client and accepts an id_token of the caller', async () => {
      const { tokens, user_id } = await withRefreshToken();
      const forEs256 = await delegate({ refresh_token: tokens.refresh_token, target: C.es256 });
      expect(forEs256.status, forEs256.text).toBe(200);
      expect(forEs256.json.expires_in).toBe(600);
      const { protectedHeader } = await verifyFromJwks(forEs256.json.id_token, C.es256);
      expect(protectedHeader.alg).toBe('ES256');
      const byIdToken = await delegate({ id_token: tokens.id_token });
      expect(byIdToken.status, byIdToken.text).toBe(200);
      expect(decodeJwt(byIdToken.json.id_token).sub).toBe(user_id);
      const foreign = await delegate({ client_id: C.confidential, target: C.confidential, id_token: tokens.id_token });
      expect(foreign.status).toBe(401);
    });

    it('/delegation answers 403 Unknown or invalid refresh token for unknown, foreign and revoked tokens', async () => {
      const { tokens } = await withRefreshToken();
      expectInvalidRefresh(await delegate({ refresh_token: 'x'.repeat(43) }));
      expectInvalidRefresh(
        await delegate({ client_id: C.confidential, target: C.confidential, client_secret: CONFIDENTIAL_SECRET, refresh_token: tokens.refresh_token }),
      );
      expect((await post('/oauth/revoke', { client_id: C.public, token: tokens.refresh_token })).status).toBe(200);
      expectInvalidRefresh(await delegate({ refresh_token: tokens.refresh_token }));
    });

    it('/delegation validates its request', async () => {
      const missing = await delegate({});
      expect(missing.status).toBe(400);
      expect(missing.json.error_description).toBe('missing refresh_token or id_token parameter');
      expect((await delegate({ refresh_token: 'a', id_token: 'b' })).status).toBe(400);
      expect((await delegate({ refresh_token: 'a', grant_type: 'password' })).json.error).toBe('unsupported_grant_type');
      expect((await delegate({ refresh_token: 'a', api_type: 'aws' })).json.error_description).toContain('api_type');
      expect((await delegate({ refresh_token: 'a', client_id: 'nope' })).status).toBe(403);
    });

    it('/oauth/token refreshes for a public client, honouring a narrower scope and refusing a wider one', async () => {
      const { tokens, user_id } = await withRefreshToken();
      const res = await refresh(C.public, tokens.refresh_token);
      expect(res.status, res.text).toBe(200);
      expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 36000, scope: 'openid offline_access' });
      expect(res.json).not.toHaveProperty('refresh_token');
      expect(decodeJwt(res.json.access_token).sub).toBe(user_id);
      const narrow = await refresh(C.public, tokens.refresh_token, { scope: 'offline_access' });
      expect(narrow.status).toBe(200);
      expect(narrow.json).not.toHaveProperty('id_token');
      const wide = await refresh(C.public, tokens.refresh_token, { scope: 'openid email' });
      expect(wide.status).toBe(400);
      expect(wide.json.error).toBe('invalid_scope');
      const unknown = await refresh(C.public, 'y'.repeat(43));
      expect(unknown.status).toBe(403);
      expect(unknown.json.error).toBe('invalid_grant');
    });

    it('/oauth/token and /oauth/revoke require a confidential client\'s secret (body or Basic)', async () => {
      const { tokens } = await withRefreshToken(C.confidential);
      for (const extra of [{}, { client_secret: 'wrong-secret' }]) {
        const res = await refresh(C.confidential, tokens.refresh_token, extra);
        expect(res.status).toBe(401);
        expect(res.json.error).toBe('invalid_client');
        expect((await post('/oauth/revoke', { client_id: C.confidential, token: tokens.refresh_token, ...extra })).status).toBe(401);
      }
      expect((await refresh(C.confidential, tokens.refresh_token, { client_secret: CONFIDENTIAL_SECRET })).status).toBe(200);
      const basic = `Basic ${Buffer.from(`${C.confidential}:${CONFIDENTIAL_SECRET}`).toString('base64')}`;
      const viaBasic = await post('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { authorization: basic });
      expect(viaBasic.status, viaBasic.text).toBe(200);
    });

    it('/oauth/revoke answers 200 for unknown and foreign tokens, and leaves foreign ones valid', async () => {
      const { tokens } = await withRefreshToken();
      expect((await post('/oauth/revoke', { client_id: C.public, token: 'unknown-token' })).json).toEqual({});
      expect((await post('/oauth/revoke', { client_id: C.rotating, token: tokens.refresh_token })).status).toBe(200);
      expect((await delegate({ refresh_token: tokens.refresh_token })).status).toBe(200);
      expect((await post('/oauth/revoke', { client_id: C.public })).json.error_description).toBe('missing token parameter');
    });

    it('rotates for a rotating client; a reused token inside the leeway still works, after it the family dies', async () => {
      const { tokens } = await withRefreshToken(C.rotating);
      const first = await refresh(C.rotating, tokens.refresh_token);
      expect(first.status, first.text).toBe(200);
      const next = first.json.refresh_token as string;
      expect(next).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(next).not.toBe(tokens.refresh_token);
      // A racing refresh with the same token, inside the leeway: served, with another successor.
      const racing = await refresh(C.rotating, tokens.refresh_token);
      expect(racing.status, racing.text).toBe(200);
      time.advance((ROTATION_LEEWAY_S + 1) * 1000);
      const third = await refresh(C.rotating, next);
      expect(third.status, third.text).toBe(200);
      // The original, reused after the leeway: refused, and every token of the family with it.
      const reused = await refresh(C.rotating, tokens.refresh_token);
      expect(reused.status).toBe(403);
      expect(reused.json.error).toBe('invalid_grant');
      for (const token of [third.json.refresh_token, racing.json.refresh_token]) {
        expect((await refresh(C.rotating, token as string)).status).toBe(403);
      }
    });

    it('expires rotating families after token_lifetime, and keeps rotating tokens off /delegation', async () => {
      const { tokens } = await withRefreshToken(C.rotating);
      const viaDelegation = await delegate({ client_id: C.rotating, target: C.rotating, refresh_token: tokens.refresh_token });
      expect(viaDelegation.status).toBe(403);
      expect(viaDelegation.json.error_description).toContain('/oauth/token');
      time.advance((ROTATING_LIFETIME_S + 1) * 1000);
      expect((await refresh(C.rotating, tokens.refresh_token)).status).toBe(403);
    });

    it('expires a rotating token left idle past idle_token_lifetime; each refresh gives the successor a fresh window', async () => {
      const { tokens } = await withRefreshToken(C.idleRotating);
      const expiring = await withRefreshToken(C.rotating);
      time.advance((IDLE_LIFETIME_S - 10) * 1000);
      const second = await refresh(C.idleRotating, tokens.refresh_token);
      expect(second.status, second.text).toBe(200);
      time.advance((IDLE_LIFETIME_S - 10) * 1000); // past the first token's idle deadline, inside the successor's
      const third = await refresh(C.idleRotating, second.json.refresh_token as string);
      expect(third.status, third.text).toBe(200);
      time.advance((IDLE_LIFETIME_S + 1) * 1000);
      const idle = await refresh(C.idleRotating, third.json.refresh_token as string);
      // Answered exactly as a token past its absolute lifetime.
      time.advance(ROTATING_LIFETIME_S * 1000);
      const expired = await refresh(C.rotating, expiring.tokens.refresh_token);
      expect(expired.status).toBe(403);
      expect(idle.status).toBe(expired.status);
      expect(idle.json).toEqual(expired.json);
      expect(idle.json).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    });

    it('expires a non-rotating, non-expiring token left idle past idle_token_lifetime; each use extends it', async () => {
      const { tokens } = await withRefreshToken(C.idle);
      time.advance((IDLE_LIFETIME_S - 10) * 1000);
      expect((await delegate({ client_id: C.idle, target: C.idle, refresh_token: tokens.refresh_token })).status).toBe(200);
      time.advance((IDLE_LIFETIME_S - 10) * 1000);
      const refreshed = await refresh(C.idle, tokens.refresh_token);
      expect(refreshed.status, refreshed.text).toBe(200);
      time.advance((IDLE_LIFETIME_S + 1) * 1000);
      expectInvalidRefresh(await delegate({ client_id: C.idle, target: C.idle, refresh_token: tokens.refresh_token }));
      const res = await refresh(C.idle, tokens.refresh_token);
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    });

    it('refuses the refresh token of a blocked user', async () => {
      const { tokens, user_id } = await withRefreshToken();
      await ctx.current.deps.users.update(user_id, { blocked: true }, new Date().toISOString());
      const res = await delegate({ refresh_token: tokens.refresh_token });
      expect(res.status).toBe(401);
      expect(res.json.error).toBe('unauthorized');
    });

    it.each(['/delegation', '/oauth/token', '/oauth/revoke', '/api/v2/device-credentials'])(
      'POST %s answers malformed bodies with a 4xx JSON error',
      async (path) => {
        const { tokens } = await withRefreshToken();
        const json = { 'content-type': 'application/json', authorization: `Bearer ${tokens.access_token}` };
        const cases: [Record<string, string>, string, number][] = [
          [json, '{"client_id": ', 400],
          [json, '[1,2]', 400],
          [{ ...json, 'content-type': 'application/xml' }, '<a/>', 415],
          [json, JSON.stringify({ client_id: 'x'.repeat(2 * 1024 * 1024) }), 413],
          [json, '{"client_id":{"a":1},"token":1,"refresh_token":[],"device_name":2}', 400],
        ];
        for (const [headers, body, status] of cases) {
          const res = await ctx.current.app.dispatch({ method: 'POST', path, headers, body });
          expect(res.status, `${path} ${body.slice(0, 30)}`).toBe(status);
          expect(res.json).toEqual({ error: expect.any(String), error_description: expect.any(String) });
        }
        const grant = await post('/oauth/token', { grant_type: 'authorization_code', client_id: C.public });
        expect(grant.json.error).toBe('unsupported_grant_type');
      },
    );

    it('keeps 200 live refresh tokens per user and client, as Auth0: the 201st login revokes the oldest, not the other client\'s', async () => {
      const { email } = await newLifecycleUser(ctx.current);
      const login = async (client_id: string, n: number) => {
        const res = await lifecycleLogin(ctx.current, { client_id, username: email, scope: 'openid offline_access', device: `device ${n}` });
        expect(res.status, res.text).toBe(200);
        return res.json as { access_token: string; refresh_token: string };
      };
      const other = await login(C.confidential, 0);
      const tokens: string[] = [];
      for (let n = 1; n <= 200; n += 1) {
        time.advance(1);
        tokens.push((await login(C.public, n)).refresh_token);
      }
      expect((await delegate({ refresh_token: tokens[0] })).status).toBe(200);
      time.advance(1);
      const last = await login(C.public, 201);
      expectInvalidRefresh(await delegate({ refresh_token: tokens[0] }));
      for (const kept of [tokens[1]!, tokens[199]!, last.refresh_token]) expect((await delegate({ refresh_token: kept })).status).toBe(200);
      const list = await ctx.current.app.dispatch({ method: 'GET', path: `/api/v2/device-credentials?type=refresh_token&client_id=${C.public}`, headers: { authorization: `Bearer ${last.access_token}` } });
      expect(list.status, list.text).toBe(200);
      expect(list.json).toHaveLength(200);
      expect((list.json as Array<{ device_name: string }>).map((d) => d.device_name)).not.toContain('device 1');
      const refreshed = await refresh(C.confidential, other.refresh_token, { client_secret: CONFIDENTIAL_SECRET });
      expect(refreshed.status, refreshed.text).toBe(200);
    });

    it('lists the user\'s devices with refresh tokens and revokes one through DELETE', async () => {
      const { tokens, user_id } = await withRefreshToken(C.public, 'Ada\'s iPad');
      const bearer = { authorization: `Bearer ${tokens.access_token}` };
      const list = await ctx.current.app.dispatch({ method: 'GET', path: '/api/v2/device-credentials?type=refresh_token', headers: bearer });
      expect(list.status, list.text).toBe(200);
      expect(list.json).toEqual([
        { id: expect.stringMatching(/^dcr_/), device_name: 'Ada\'s iPad', type: 'refresh_token', user_id, client_id: C.public },
      ]);
      const other = await withRefreshToken();
      const foreign = await ctx.current.app.dispatch({
        method: 'DELETE',
        path: `/api/v2/device-credentials/${list.json[0].id as string}`,
        headers: { authorization: `Bearer ${other.tokens.access_token}` },
      });
      expect(foreign.status).toBe(404);
      const del = await ctx.current.app.dispatch({ method: 'DELETE', path: `/api/v2/device-credentials/${list.json[0].id as string}`, headers: bearer });
      expect(del.status, del.text).toBe(204);
      expect(del.text).toBe('');
      expectInvalidRefresh(await delegate({ refresh_token: tokens.refresh_token }));
      const after = await ctx.current.app.dispatch({ method: 'GET', path: '/api/v2/device-credentials?type=refresh_token', headers: bearer });
      expect(after.json).toEqual([]);
      const anon = await ctx.current.app.dispatch({ method: 'GET', path: '/api/v2/device-credentials' });
      expect(anon.status).toBe(401);
    });
  });
}
