import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSocialProviders, type FakeSocialProviders } from '../fakes/social-providers.js';
import { KNOWN_TEST_SECRETS } from '../fixtures/known-test-secrets.js';
import type { AdapterHarness } from '../harness/types.js';
import { GRANT_CLIENTS as C, grantsConfig, MODERN_SECRET, tokenRequest } from './token-grants-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const APPLE_CODE = 'http://auth0.com/oauth/token-type/apple-authz-code';
const FACEBOOK_SESSION = 'http://auth0.com/oauth/token-type/facebook-info-session-access-token';
const GOOGLE_WEB = 'web-client.apps.googleusercontent.com';
const GOOGLE_IOS = 'ios-client.apps.googleusercontent.com';
const APPLE_APP = 'com.example.notes';

let userCounter = 0;
const newUser = (name = 'Ada Lovelace') => {
  userCounter += 1;
  const id = `${Date.now()}${userCounter}${Math.floor(Math.random() * 1000)}`;
  return { id, email: `social-${id}@example.com`, name };
};

/** The grants configuration plus facebook, google-oauth2 and apple connections pointing at the local stand-ins. */
function socialConfig(p: FakeSocialProviders) {
  const base = grantsConfig();
  const enabled = [C.spa, C.confidential, C.modern];
  return {
    ...base,
    connections: [
      ...base.connections,
      { name: 'facebook', strategy: 'facebook', enabled_clients: enabled, options: { client_id: p.facebookApp.appId, client_secret: p.facebookApp.appSecret, provider_base_url: p.facebookUrl } },
      { name: 'google-oauth2', strategy: 'google-oauth2', enabled_clients: enabled, options: { client_id: GOOGLE_WEB, allowed_audiences: [GOOGLE_IOS], provider_base_url: p.googleUrl } },
      {
        name: 'apple',
        strategy: 'apple',
        enabled_clients: [C.spa],
        options: { client_id: APPLE_APP, team_id: p.appleClient.teamId, kid: p.appleClient.kid, app_secret: p.appleClient.p8, provider_base_url: p.appleUrl },
      },
    ],
  };
}

/** `/oauth/access_token` (Facebook, Google) and `/oauth/token` token exchange (Apple, Facebook session) against local provider stand-ins. */
export function socialExchangeSuite(harness: AdapterHarness): void {
  describe('social token exchange: /oauth/access_token and token-exchange', () => {
    let providers: FakeSocialProviders;
    beforeAll(async () => {
      providers = await startFakeSocialProviders();
    });
    afterAll(() => providers?.close());
    const ctx = useMountedApp(harness, {
      get config() {
        return socialConfig(providers);
      },
    });
    const legacy = (connection: string, access_token: string, extra: Record<string, unknown> = {}) =>
      ctx.current.app.dispatch({ method: 'POST', path: '/oauth/access_token', json: { client_id: C.spa, connection, access_token, scope: 'openid email', ...extra } });
    const exchange = (subject_token: string, subject_token_type: string, extra: Record<string, unknown> = {}) =>
      tokenRequest(ctx.current, { grant_type: TOKEN_EXCHANGE, client_id: C.spa, subject_token, subject_token_type, scope: 'openid email name', ...extra });
    const expectRefused = (res: { status: number; json: any }, description: string) => {
      expect(res.status, JSON.stringify(res.json)).toBe(403);
      expect(res.json).toEqual({ error: 'invalid_grant', error_description: description });
    };

    it('Facebook access token: creates facebook|{id} at the first login, finds it at the next; /userinfo knows the user', async () => {
      const user = newUser();
      const first = await legacy('facebook', providers.facebookToken(user));
      expect(first.status, first.text).toBe(200);
      expect(first.json).toEqual({ access_token: expect.any(String), id_token: expect.any(String), token_type: 'bearer' });
      expect(decodeJwt(first.json.id_token)).toMatchObject({ sub: `facebook|${user.id}`, email: user.email, aud: C.spa });
      const again = await legacy('facebook', providers.facebookToken(user));
      expect(decodeJwt(again.json.id_token).sub).toBe(`facebook|${user.id}`);
      const stored = await ctx.current.deps.users.findById(`facebook|${user.id}`);
      expect(stored).toMatchObject({ connection: 'facebook', strategy: 'facebook', email: user.email, profile: { name: user.name, email_verified: true } });
      const info = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${first.json.access_token}` } });
      expect(info.json).toMatchObject({ sub: `facebook|${user.id}`, email: user.email });
    });

    it('Facebook access token refused: expired, issued to another app, revoked, unknown', async () => {
      const user = newUser();
      const reason = 'facebook says the token is not valid (expired or revoked)';
      expectRefused(await legacy('facebook', providers.facebookToken(user, { expiresInS: -60 })), reason);
      expectRefused(await legacy('facebook', providers.facebookToken(user, { appId: '999' })), 'the token was issued to another facebook app');
      const revoked = providers.facebookToken(user);
      providers.revoke(revoked);
      expectRefused(await legacy('facebook', revoked), reason);
      expectRefused(await legacy('facebook', 'EAABnot-a-token'), reason);
      expect(await ctx.current.deps.users.findById(`facebook|${user.id}`)).toBeUndefined();
    });

    it('Google access token: the web client id and an allowed audience log in; another audience, expired and revoked are refused', async () => {
      const user = newUser();
      const web = await legacy('google-oauth2', providers.googleToken(user, GOOGLE_WEB));
      expect(web.status, web.text).toBe(200);
      expect(decodeJwt(web.json.id_token).sub).toBe(`google-oauth2|${user.id}`);
      expect((await legacy('google-oauth2', providers.googleToken(user, GOOGLE_IOS))).status).toBe(200);
      expectRefused(await legacy('google-oauth2', providers.googleToken(user, 'someone-else.apps.googleusercontent.com')), 'the token was issued to another google client');
      const reason = 'google did not accept the token (expired, revoked or unknown)';
      expectRefused(await legacy('google-oauth2', providers.googleToken(user, GOOGLE_WEB, -60)), reason);
      const revoked = providers.googleToken(user, GOOGLE_WEB);
      providers.revoke(revoked);
      expectRefused(await legacy('google-oauth2', revoked), reason);
    });

    it('Sign in with Apple code: redeemed with Apple, ID token checked against its JWKS; user_profile names a new user', async () => {
      const user = newUser();
      const res = await exchange(providers.appleCode(user, APPLE_APP), APPLE_CODE, { user_profile: JSON.stringify({ name: { firstName: 'Grace', lastName: 'Hopper' } }) });
      expect(res.status, res.text).toBe(200);
      expect(res.json).toMatchObject({ access_token: expect.any(String), id_token: expect.any(String), token_type: 'Bearer', scope: 'openid email name' });
      expect(decodeJwt(res.json.id_token)).toMatchObject({ sub: `apple|${user.id}`, email: user.email, name: 'Grace Hopper' });
    });

    it('Sign in with Apple refused: unknown signing key, ID token for another app, expired ID token, revoked and reused codes', async () => {
      const user = newUser();
      expectRefused(await exchange(providers.appleCode(user, APPLE_APP, { unknownKey: true }), APPLE_CODE), 'apple’s ID token is signed by a key apple does not publish');
      expectRefused(await exchange(providers.appleCode(user, APPLE_APP, { idTokenAudience: 'com.example.other' }), APPLE_CODE), 'apple’s ID token is for another app');
      expectRefused(await exchange(providers.appleCode(user, APPLE_APP, { idTokenExpired: true }), APPLE_CODE), 'apple’s ID token has expired');
      const revoked = providers.appleCode(user, APPLE_APP);
      providers.revoke(revoked);
      expectRefused(await exchange(revoked, APPLE_CODE), 'apple refused the code (expired, used or revoked)');
      const code = providers.appleCode(user, APPLE_APP);
      expect((await exchange(code, APPLE_CODE)).status).toBe(200);
      expectRefused(await exchange(code, APPLE_CODE), 'apple refused the code (expired, used or revoked)');
      expectRefused(await exchange(providers.appleCode(user, 'com.example.other'), APPLE_CODE), 'apple refused the code (expired, used or revoked)');
    });

    it('Facebook session token through token exchange; refusals of the exchange itself', async () => {
      const user = newUser();
      const res = await exchange(providers.facebookToken(user), FACEBOOK_SESSION);
      expect(res.status, res.text).toBe(200);
      expect(decodeJwt(res.json.id_token).sub).toBe(`facebook|${user.id}`);
      expect((await exchange('x', 'urn:ietf:params:oauth:token-type:jwt')).json.error_description).toMatch(/^subject_token_type .* is not supported$/);
      expect((await exchange('x', APPLE_CODE, { user_profile: '[1]' })).json.error_description).toBe('user_profile must be a JSON object');
      const noApple = await tokenRequest(ctx.current, { grant_type: TOKEN_EXCHANGE, client_id: C.modern, client_secret: MODERN_SECRET, subject_token: 'x', subject_token_type: APPLE_CODE });
      expect(noApple.status).toBe(403); // the modern client's grant_types has no token exchange
    });

    it('audits s and f with the connection and strategy, never the provider token or code', async () => {
      const user = newUser();
      const good = providers.facebookToken(user);
      await legacy('facebook', good);
      const bad = providers.facebookToken(user, { appId: '999' });
      await legacy('facebook', bad);
      const code = providers.appleCode(user, APPLE_APP);
      await exchange(code, APPLE_CODE);
      const text = JSON.stringify(ctx.current.audit.events);
      for (const secret of [good, bad, code, providers.facebookApp.appSecret, ...KNOWN_TEST_SECRETS]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/eyJ[\w-]*\.eyJ/);
      const mine = ctx.current.audit.events.filter((e) => e.user_id === `facebook|${user.id}` || e.user_id === `apple|${user.id}`);
      expect(mine.map((e) => `${e.type}:${e.strategy}`)).toEqual(['s:facebook', 's:apple']);
      expect(ctx.current.audit.events.some((e) => e.type === 'f' && e.connection === 'facebook' && e.details?.error === 'invalid_subject_token')).toBe(true);
    });

    it('refuses a blocked social user, a non-social connection, and a client whose grant_types lacks the legacy access_token grant', async () => {
      const user = newUser();
      expect((await legacy('facebook', providers.facebookToken(user))).status).toBe(200);
      await ctx.current.deps.users.update(`facebook|${user.id}`, { blocked: true }, new Date().toISOString());
      const blocked = await legacy('facebook', providers.facebookToken(user));
      expect(blocked.status).toBe(401);
      expect(blocked.json).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });
      expect((await legacy('db-grants', 'x')).json.error_description).toBe('specified strategy does not support requested operation');
      const gated = await legacy('facebook', providers.facebookToken(newUser()), { client_id: C.modern });
      expect(gated.status).toBe(403);
      expect(gated.json.error_description).toBe("Grant type 'http://auth0.com/oauth/legacy/grant-type/access_token' not allowed for the client.");
    });
  });
}
