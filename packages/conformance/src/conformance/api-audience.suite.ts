import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { createOAuthRo, normalizeConfig } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import { KNOWN_TEST_SECRETS } from '../fixtures/known-test-secrets.js';
import type { AdapterHarness } from '../harness/types.js';
import {
  basicAuth,
  BACKEND_SECRET,
  GRANT_CLIENTS as C,
  GRANTS,
  GRANTS_CONNECTION,
  grantsConfig,
  newGrantsUser,
  NOTES_API,
  ONLINE_API,
  tokenRequest,
} from './token-grants-fixtures.js';
import { GOOD_PASSWORD, useMountedApp } from './use-mounted-app.js';

/** APIs (`resource_servers`), `audience`, client grants and `client_credentials` at `/oauth/token`. */
export function apiAudienceSuite(harness: AdapterHarness): void {
  describe('/oauth/token: APIs, audience and client_credentials', () => {
    const ctx = useMountedApp(harness, { config: grantsConfig() });
    const token = (json: Record<string, unknown>, headers?: Record<string, string>) => tokenRequest(ctx.current, json, headers);
    const userinfo = `https://auth.test.example/userinfo`;
    const cc = (json: Record<string, unknown> = {}, headers: Record<string, string> = basicAuth(C.backend, BACKEND_SECRET)) =>
      token({ grant_type: 'client_credentials', audience: NOTES_API, ...json }, headers);

    /** A password-realm login of `email` for the notes API. */
    const notesLogin = (email: string, scope: string) =>
      token({ grant_type: GRANTS.passwordRealm, client_id: C.spa, username: email, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION, audience: NOTES_API, scope });

    async function verify(text: string, audience: string) {
      const jwks = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      return jwtVerify(text, createLocalJWKSet(jwks.json), { issuer: ctx.current.oauthRo.issuer, audience, algorithms: ['RS256'] });
    }

    it('a user token for an API: aud = [identifier, userinfo], only OIDC and API scopes, the API lifetime; /userinfo accepts it', async () => {
      const { email, user_id } = await newGrantsUser(ctx.current);
      const res = await notesLogin(email, 'openid email read:notes delete:everything');
      expect(res.status, res.text).toBe(200);
      expect(res.json).toMatchObject({ scope: 'openid email read:notes', expires_in: 7200, token_type: 'Bearer' });
      const { payload, protectedHeader } = await verify(res.json.access_token, NOTES_API);
      expect(protectedHeader.alg).toBe('RS256');
      expect(payload).toMatchObject({ sub: user_id, aud: [NOTES_API, userinfo], azp: C.spa, gty: 'password', scope: 'openid email read:notes' });
      expect(payload.exp! - payload.iat!).toBe(7200);
      expect(decodeJwt(res.json.id_token)).toMatchObject({ aud: C.spa, email });
      const info = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${res.json.access_token}` } });
      expect(info.status, info.text).toBe(200);
      expect(info.json).toMatchObject({ sub: user_id, email });
    });

    it('refresh tokens for an API only when it allows offline access; unknown audience is 403 Service not found', async () => {
      const { email } = await newGrantsUser(ctx.current);
      const login = (audience: string) =>
        token({ grant_type: GRANTS.passwordRealm, client_id: C.spa, username: email, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION, audience, scope: 'openid offline_access' });
      const notes = await login(NOTES_API);
      expect(notes.json.refresh_token).toEqual(expect.any(String));
      const online = await login(ONLINE_API);
      expect(online.status).toBe(200);
      expect(online.json).not.toHaveProperty('refresh_token');
      expect(online.json.scope).toBe('openid');
      const unknown = await login('https://api.unknown.example/');
      expect(unknown.status).toBe(403);
      expect(unknown.json).toEqual({ error: 'access_denied', error_description: 'Service not found: https://api.unknown.example/' });
    });

    it('a refresh token issued for an API refreshes into an access token for that API (aud, scope, lifetime), also after rotation', async () => {
      const { email, user_id } = await newGrantsUser(ctx.current);
      const login = await notesLogin(email, 'openid offline_access read:notes delete:everything');
      expect(login.status, login.text).toBe(200);
      expect(login.json.scope).toBe('openid offline_access read:notes');
      let refreshToken: string = login.json.refresh_token;
      for (const round of [1, 2]) {
        const refreshed = await token({ grant_type: 'refresh_token', client_id: C.spa, refresh_token: refreshToken });
        expect(refreshed.status, `round ${round}: ${refreshed.text}`).toBe(200);
        expect(refreshed.json).toMatchObject({ scope: 'openid offline_access read:notes', expires_in: 7200, token_type: 'Bearer' });
        const { payload } = await verify(refreshed.json.access_token, NOTES_API);
        expect(payload).toMatchObject({ sub: user_id, aud: [NOTES_API, userinfo], azp: C.spa, scope: 'openid offline_access read:notes' });
        expect(payload.exp! - payload.iat!).toBe(7200);
        refreshToken = refreshed.json.refresh_token ?? refreshToken;
      }
      // A narrower scope on refresh narrows the API token too.
      const narrow = await token({ grant_type: 'refresh_token', client_id: C.spa, refresh_token: refreshToken, scope: 'openid' });
      expect(narrow.status, narrow.text).toBe(200);
      expect(decodeJwt(narrow.json.access_token)).toMatchObject({ aud: [NOTES_API, userinfo], scope: 'openid' });
    });

    it('refuses to refresh a token whose API was removed from the configuration since: 403 Service not found', async () => {
      const { email } = await newGrantsUser(ctx.current);
      const login = await notesLogin(email, 'openid offline_access');
      expect(login.json.refresh_token).toEqual(expect.any(String));
      const config = grantsConfig();
      const withoutNotes = {
        ...config,
        resource_servers: config.resource_servers.filter((r) => r.identifier !== NOTES_API),
        client_grants: config.client_grants.filter((g) => g.audience !== NOTES_API),
      };
      // The same stores, a configuration without the API: a restart after an administrator removed it.
      const restarted = await createOAuthRo({ config: normalizeConfig(withoutNotes), deps: ctx.current.deps });
      const app = await harness.mount(restarted);
      try {
        const refreshed = await app.dispatch({ method: 'POST', path: '/oauth/token', json: { grant_type: 'refresh_token', client_id: C.spa, refresh_token: login.json.refresh_token } });
        expect(refreshed.status, refreshed.text).toBe(403);
        expect(refreshed.json).toEqual({ error: 'access_denied', error_description: `Service not found: ${NOTES_API}` });
      } finally {
        await app.close();
        await restarted.close();
      }
    });

    it('client_credentials (client_secret_basic and _post): the granted scopes, sub {client_id}@clients, aud the API alone', async () => {
      const res = await cc();
      expect(res.status, res.text).toBe(200);
      expect(res.json).toEqual({ access_token: expect.any(String), scope: 'read:notes write:notes', expires_in: 7200, token_type: 'Bearer' });
      const { payload } = await verify(res.json.access_token, NOTES_API);
      expect(payload).toMatchObject({ sub: `${C.backend}@clients`, aud: NOTES_API, azp: C.backend, gty: 'client-credentials', scope: 'read:notes write:notes' });
      const narrow = await cc({ client_id: C.backend, client_secret: BACKEND_SECRET, scope: 'read:notes' }, {});
      expect(narrow.status, narrow.text).toBe(200);
      expect(decodeJwt(narrow.json.access_token).scope).toBe('read:notes');
      const info = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${res.json.access_token}` } });
      expect(info.status).toBe(401);
      // The host app's user route (requireAuth / authenticate without an audience) does not take a machine's token.
      const me = await ctx.current.app.dispatch({ method: 'GET', path: '/api/me', headers: { authorization: `Bearer ${res.json.access_token}` } });
      expect(me.status).toBe(401);
      expect(me.json.error).toBe('invalid_token');
    });

    it('client_credentials refusals: scopes not granted, no audience, unknown API, no client grant, a public client, a wrong secret', async () => {
      const notGranted = await cc({ scope: 'read:notes admin:notes' });
      expect(notGranted.status).toBe(403);
      expect(notGranted.json).toEqual({ error: 'access_denied', error_description: 'Client has not been granted scopes: admin:notes' });
      const noAudience = await cc({ audience: undefined });
      expect(noAudience.status).toBe(403);
      expect(noAudience.json.error).toBe('access_denied');
      expect((await cc({ audience: 'https://nope.example/' })).json.error_description).toBe('Service not found: https://nope.example/');
      const ungrantedApi = await cc({ audience: ONLINE_API });
      expect(ungrantedApi.status).toBe(403);
      expect(ungrantedApi.json.error_description).toMatch(/^Client is not authorized to access "https:\/\/api.online-only.example\/"/);
      const listedButUngranted = await cc({}, basicAuth(C.ungranted, BACKEND_SECRET));
      expect(listedButUngranted.status).toBe(403);
      expect(listedButUngranted.json.error).toBe('access_denied');
      // A client without grant_types gets client_credentials only through a client grant.
      const noGrant = await token({ grant_type: 'client_credentials', audience: NOTES_API, client_id: C.modern, client_secret: 'modern-app-secret-0123456789' });
      expect(noGrant.status).toBe(403);
      expect(noGrant.json.error).toBe('unauthorized_client');
      const confidentialWithout = await token({ grant_type: 'client_credentials', audience: NOTES_API, client_id: C.confidential, client_secret: 'rs256-client-secret-value' });
      expect(confidentialWithout.json).toEqual({ error: 'unauthorized_client', error_description: "Grant type 'client_credentials' not allowed for the client." });
      const publicClient = await token({ grant_type: 'client_credentials', audience: NOTES_API, client_id: C.spa });
      expect(publicClient.status).toBe(403);
      expect(publicClient.json.error).toBe('unauthorized_client');
      const wrongSecret = await cc({}, basicAuth(C.backend, 'not-the-secret-0123456789'));
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.json.error).toBe('invalid_client');
    });

    it('verifyToken can require an audience and scopes', async () => {
      const res = await cc({ scope: 'read:notes' });
      const verifyToken = ctx.current.oauthRo.verifyToken;
      expect((await verifyToken(res.json.access_token, { audience: NOTES_API, scopes: ['read:notes'] })).ok).toBe(true);
      expect((await verifyToken(res.json.access_token)).ok).toBe(false);
      const wrongAudience = await verifyToken(res.json.access_token, { audience: ONLINE_API });
      expect(!wrongAudience.ok && wrongAudience.error.code).toBe('invalid_token');
      const lacking = await verifyToken(res.json.access_token, { audience: NOTES_API, scopes: ['write:notes'] });
      expect(!lacking.ok && lacking.error.code).toBe('insufficient_scope');
    });

    it('leaves no secret, token or JWT in any audit event (seccft/feccft included)', () => {
      const events = ctx.current.audit.events;
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['seccft', 'feccft']));
      expect(events.find((e) => e.type === 'seccft')).toMatchObject({ client_id: C.backend, details: { audience: NOTES_API } });
      const text = JSON.stringify(events);
      expect(text).not.toMatch(/eyJ[\w-]*\.eyJ/);
      for (const secret of KNOWN_TEST_SECRETS) expect(text).not.toContain(secret);
    });

    it('discovery names the token endpoint, its grants and client authentication methods', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/openid-configuration' });
      expect(res.json.token_endpoint).toBe('https://auth.test.example/oauth/token');
      expect(res.json.grant_types_supported).toEqual(expect.arrayContaining(['password', GRANTS.passwordRealm, GRANTS.otp, 'client_credentials', 'refresh_token']));
      expect(res.json.token_endpoint_auth_methods_supported).toEqual(['none', 'client_secret_post', 'client_secret_basic']);
    });
  });
}
