import { describe, expect, it } from 'vitest';
import { DB_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness, TestRequest, TestResponse } from '../harness/types.js';
import { BROWSER_CLIENTS, browserConfig, ORIGINS, UNLISTED_ORIGINS } from './browser-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** Every route a browser calls, with the method it calls it with. */
const BROWSER_ROUTES: readonly [string, string][] = [
  ['POST', '/oauth/ro'],
  ['POST', '/oauth/token'],
  ['POST', '/oauth/revoke'],
  ['POST', '/dbconnections/signup'],
  ['POST', '/passwordless/start'],
  ['POST', '/tokeninfo'],
  ['GET', '/tokeninfo'],
  ['GET', '/userinfo'],
  ['POST', '/userinfo'],
  ['POST', '/delegation'],
  ['GET', '/user/ssodata'],
  ['GET', '/user/geoloc/country'],
  ['GET', '/.well-known/jwks.json'],
  ['GET', '/.well-known/openid-configuration'],
];

/** What Chromium sends before auth0.js v8/v9 or Lock POSTs JSON with its telemetry header. */
function preflight(path: string, origin: string, method = 'POST'): TestRequest {
  return {
    method: 'OPTIONS',
    path,
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'auth0-client,content-type' },
  };
}

function expectGranted(res: TestResponse, origin: string): void {
  expect(res.headers['access-control-allow-origin'], `granted to ${origin}`).toBe(origin);
  expect(res.headers['access-control-allow-credentials']).toBe('true');
  expect(res.headers.vary ?? '').toMatch(/\bOrigin\b/i);
}

function expectNotGranted(res: TestResponse, origin: string): void {
  expect(res.headers['access-control-allow-origin'], `not granted to "${origin}"`).toBeUndefined();
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  expect(res.headers.vary ?? '').toMatch(/\bOrigin\b/i);
}

/** CORS: preflights and actual answers, per client's origins (Auth0's allowed_origins, web_origins, callbacks). */
export function corsSuite(harness: AdapterHarness): void {
  describe('CORS for browser clients', () => {
    const ctx = useMountedApp(harness, { config: browserConfig() });

    async function signedUp(client_id: string = BROWSER_CLIENTS.spa) {
      const email = uniqueEmail('cors');
      const signup = await ctx.current.signup(email, GOOD_PASSWORD, { client_id });
      expect(signup.status).toBe(200);
      return email;
    }

    it('grants a preflight on every browser route to an origin some client lists, with the methods and headers the SDKs send', async () => {
      for (const [method, path] of BROWSER_ROUTES) {
        for (const origin of Object.values(ORIGINS)) {
          const res = await ctx.current.app.dispatch(preflight(path, origin, method));
          expect(res.status, `${method} ${path} from ${origin}`).toBe(204);
          expect(res.text).toBe('');
          expectGranted(res, origin);
          expect(res.headers['access-control-allow-methods']).toContain(method);
          const allowed = (res.headers['access-control-allow-headers'] ?? '').toLowerCase().split(/\s*,\s*/);
          expect(allowed).toEqual(expect.arrayContaining(['auth0-client', 'content-type', 'authorization']));
          expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
        }
      }
    });

    it('grants no preflight to an origin no client lists, however it is dressed up', async () => {
      for (const origin of UNLISTED_ORIGINS) {
        const res = await ctx.current.app.dispatch(preflight('/oauth/ro', origin));
        expect(res.status, origin).toBe(204);
        expectNotGranted(res, origin);
        expect(res.headers['access-control-allow-methods']).toBeUndefined();
      }
    });

    it('never answers a preflight on routes browsers do not call', async () => {
      for (const path of ['/api/v2/device-credentials', '/health', '/metrics', '/api/v2/user-blocks']) {
        const res = await ctx.current.app.dispatch(preflight(path, ORIGINS.app, 'GET'));
        expect(res.status, path).toBe(405);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('grants the answer of /oauth/ro, success and failure alike, to the origins of the client it names only', async () => {
      const email = await signedUp();
      for (const origin of [ORIGINS.app, ORIGINS.webWildcard, ORIGINS.callback]) {
        const ok = await ctx.current.login({ client_id: BROWSER_CLIENTS.spa, username: email, password: GOOD_PASSWORD, scope: 'openid' });
        expect(ok.status).toBe(200);
        const login = await ctx.current.app.dispatch({
          method: 'POST',
          path: '/oauth/ro',
          headers: { origin },
          json: { client_id: BROWSER_CLIENTS.spa, connection: DB_CONNECTION, grant_type: 'password', username: email, password: GOOD_PASSWORD, scope: 'openid' },
        });
        expect(login.status).toBe(200);
        expectGranted(login, origin);
        const wrong = await ctx.current.app.dispatch({
          method: 'POST',
          path: '/oauth/ro',
          headers: { origin },
          form: { client_id: BROWSER_CLIENTS.spa, connection: DB_CONNECTION, grant_type: 'password', username: email, password: 'Wrong-Horse-9' },
        });
        expect(wrong.status).toBe(401);
        expectGranted(wrong, origin);
      }
      // The other SPA's origin passes the preflight, but may not read the first SPA's answers.
      const foreign = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/oauth/ro',
        headers: { origin: ORIGINS.other },
        json: { client_id: BROWSER_CLIENTS.spa, connection: DB_CONNECTION, grant_type: 'password', username: email, password: GOOD_PASSWORD, scope: 'openid' },
      });
      expectNotGranted(foreign, ORIGINS.other);
      // A client that lists no origin grants none, and an unknown client none either.
      for (const client_id of [TEST_CLIENTS.rs256, 'no-such-client']) {
        const res = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', headers: { origin: ORIGINS.app }, json: { client_id, username: 'x', password: 'y' } });
        expectNotGranted(res, ORIGINS.app);
      }
      for (const origin of UNLISTED_ORIGINS) {
        const res = await ctx.current.app.dispatch({
          method: 'POST',
          path: '/oauth/ro',
          headers: { origin },
          json: { client_id: BROWSER_CLIENTS.spa, connection: DB_CONNECTION, grant_type: 'password', username: email, password: 'Wrong-Horse-9' },
        });
        expectNotGranted(res, origin);
      }
    });

    it('reads the client of sign-up from the body and of GET requests from the query', async () => {
      const signup = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/dbconnections/signup',
        headers: { origin: ORIGINS.other },
        json: { client_id: BROWSER_CLIENTS.otherSpa, connection: DB_CONNECTION, email: uniqueEmail('cors'), password: GOOD_PASSWORD },
      });
      expect(signup.status).toBe(200);
      expectGranted(signup, ORIGINS.other);
      const sso = await ctx.current.app.dispatch({ method: 'GET', path: `/user/ssodata?ldaps=1&client_id=${BROWSER_CLIENTS.otherSpa}`, headers: { origin: ORIGINS.app } });
      expect(sso.status).toBe(200);
      expectNotGranted(sso, ORIGINS.app);
    });

    it('grants /userinfo (GET and POST) and /tokeninfo by the client the token was issued to', async () => {
      const email = await signedUp();
      const login = await ctx.current.login({ client_id: BROWSER_CLIENTS.spa, username: email, password: GOOD_PASSWORD, scope: 'openid' });
      const { access_token, id_token } = login.json as { access_token: string; id_token: string };
      for (const method of ['GET', 'POST']) {
        const mine = await ctx.current.app.dispatch({ method, path: '/userinfo', headers: { origin: ORIGINS.app, authorization: `Bearer ${access_token}` } });
        expect(mine.status, method).toBe(200);
        expectGranted(mine, ORIGINS.app);
        const theirs = await ctx.current.app.dispatch({ method, path: '/userinfo', headers: { origin: ORIGINS.other, authorization: `Bearer ${access_token}` } });
        expect(theirs.status).toBe(200);
        expectNotGranted(theirs, ORIGINS.other);
      }
      const get = await ctx.current.app.dispatch({ method: 'GET', path: `/tokeninfo?id_token=${id_token}`, headers: { origin: ORIGINS.app } });
      expect(get.status).toBe(200);
      expectGranted(get, ORIGINS.app);
      const post = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', headers: { origin: ORIGINS.other }, json: { id_token } });
      expect(post.status).toBe(200);
      expectNotGranted(post, ORIGINS.other);
    });

    it('answers credentialed requests that name no client (Lock’s /user/ssodata) for listed origins only, never with *', async () => {
      for (const origin of Object.values(ORIGINS)) {
        const res = await ctx.current.app.dispatch({ method: 'GET', path: '/user/ssodata', headers: { origin, cookie: 'auth0=abc' } });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ sso: false });
        expectGranted(res, origin);
      }
      for (const origin of UNLISTED_ORIGINS) {
        const res = await ctx.current.app.dispatch({ method: 'GET', path: '/user/ssodata', headers: { origin, cookie: 'auth0=abc' } });
        expectNotGranted(res, origin);
      }
    });

    it('varies by Origin without granting anything when no Origin is sent, and leaves other routes alone', async () => {
      const jwks = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      expect(jwks.status).toBe(200);
      expectNotGranted(jwks, '(none)');
      const health = await ctx.current.app.dispatch({ method: 'GET', path: '/health', headers: { origin: ORIGINS.app } });
      expect(health.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('holds under a parallel burst of mixed origins: each answer grants exactly its own listed origin', async () => {
      const origins = [ORIGINS.app, ORIGINS.other, 'https://evil.example', ORIGINS.webWildcard];
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const origin = origins[i % origins.length]!;
          return ctx.current.app.dispatch({ method: 'GET', path: '/user/geoloc/country', headers: { origin } }).then((res) => ({ origin, res }));
        }),
      );
      for (const { origin, res } of answers) {
        if (origin === 'https://evil.example') expectNotGranted(res, origin);
        else expectGranted(res, origin);
      }
    });
  });
}
