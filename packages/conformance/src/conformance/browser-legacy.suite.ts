import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { DB_CONNECTION } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { BROWSER_CLIENTS, browserConfig, LOGOUT_URL } from './browser-fixtures.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** Runs a `/client/{id}.js` script the way Lock's JSONP loader does, and returns what it passed to `Auth0.setClient`. */
function runClientScript(text: string): any {
  const calls: unknown[] = [];
  runInNewContext(text, { Auth0: { setClient: (settings: unknown) => calls.push(settings) } }, { timeout: 1000 });
  expect(calls).toHaveLength(1);
  return calls[0];
}

/** Auth0's picture for an email: Gravatar by MD5, Auth0's initials avatar as the default image. */
function expectedPicture(email: string): string {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  return `https://s.gravatar.com/avatar/${hash}?s=480&r=pg&d=${encodeURIComponent(`https://cdn.auth0.com/avatars/${email.slice(0, 2).toLowerCase()}.png`)}`;
}

/** What Lock 10 and the old auth0.js call besides the API: client script, SSO data, geolocation, logout, GET tokeninfo, POST userinfo. */
export function browserLegacySuite(harness: AdapterHarness): void {
  describe('Lock and legacy auth0.js endpoints', () => {
    const ctx = useMountedApp(harness, { config: browserConfig(), geoloc: { defaultCountry: 'GB', countryHeader: 'CF-IPCountry' } });

    async function loggedIn(scope = 'openid') {
      const email = uniqueEmail('legacy');
      expect((await ctx.current.signup(email, GOOD_PASSWORD, { client_id: BROWSER_CLIENTS.spa })).status).toBe(200);
      const res = await ctx.current.login({ client_id: BROWSER_CLIENTS.spa, username: email, password: GOOD_PASSWORD, scope });
      expect(res.status).toBe(200);
      return { email, tokens: res.json as { id_token: string; access_token: string } };
    }

    it('serves /client/{id}.js as Lock 10 loads it (?t<timestamp>): Auth0.setClient with the client’s connections', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: `/client/${BROWSER_CLIENTS.spa}.js?t${Date.now()}` });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/javascript/);
      expect(res.text).toMatch(/^Auth0\.setClient\(\{.*\}\);$/s);
      const settings = runClientScript(res.text);
      expect(settings.id).toBe(BROWSER_CLIENTS.spa);
      expect(settings.tenant).toBe('auth');
      expect(typeof settings.subscription).toBe('string');
      const auth0 = settings.strategies.find((s: { name: string }) => s.name === 'auth0');
      expect(auth0.connections).toEqual([
        { name: DB_CONNECTION, showSignup: true, showForgot: true, passwordPolicy: 'fair', requires_username: false },
        { name: 'db-with-username', showSignup: true, showForgot: true, passwordPolicy: 'fair', requires_username: true },
        { name: 'db-no-signup', showSignup: false, showForgot: true, passwordPolicy: 'fair', requires_username: false },
      ]);
      expect(settings.strategies.find((s: { name: string }) => s.name === 'sms').connections).toEqual([{ name: 'sms' }]);
      // Only the client's own connections.
      expect(JSON.stringify(settings)).not.toContain('db-of-other-app');
    });

    it('answers 404 for an unknown client or a name without .js', async () => {
      for (const path of ['/client/no-such-client.js', `/client/${BROWSER_CLIENTS.spa}`, `/client/${BROWSER_CLIENTS.spa}.json`, '/client/%3C%2Fscript%3E.js']) {
        const res = await ctx.current.app.dispatch({ method: 'GET', path });
        expect(res.status, path).toBe(404);
        expect(res.json.error).toBe('not_found');
      }
    });

    it('answers /user/ssodata with Auth0’s “no SSO session”', async () => {
      for (const path of ['/user/ssodata', `/user/ssodata?ldaps=1&client_id=${BROWSER_CLIENTS.spa}`]) {
        const res = await ctx.current.app.dispatch({ method: 'GET', path });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ sso: false });
      }
    });

    it('answers /user/geoloc/country from the trusted header, else the configured default', async () => {
      const cases: [Record<string, string>, string][] = [
        [{}, 'GB'],
        [{ 'cf-ipcountry': 'de' }, 'DE'],
        [{ 'cf-ipcountry': 'XX' }, 'GB'],
        [{ 'cf-ipcountry': 'T1' }, 'GB'],
        [{ 'cf-ipcountry': '<script>' }, 'GB'],
        [{ 'x-country': 'FR' }, 'GB'],
      ];
      for (const [headers, country] of cases) {
        const res = await ctx.current.app.dispatch({ method: 'GET', path: '/user/geoloc/country', headers });
        expect(res.status).toBe(200);
        expect(res.json, JSON.stringify(headers)).toEqual({ country_code: country });
      }
    });

    it('answers GET /tokeninfo?id_token= like POST /tokeninfo, and over JSONP with callback=', async () => {
      const { email, tokens } = await loggedIn();
      const post = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: tokens.id_token } });
      const get = await ctx.current.app.dispatch({ method: 'GET', path: `/tokeninfo?id_token=${encodeURIComponent(tokens.id_token)}` });
      expect(get.status).toBe(200);
      expect(get.json).toEqual(post.json);
      expect(get.json.email).toBe(email);
      const jsonp = await ctx.current.app.dispatch({ method: 'GET', path: `/tokeninfo?id_token=${tokens.id_token}&callback=__jp0` });
      expect(jsonp.status).toBe(200);
      expect(jsonp.headers['content-type']).toMatch(/^application\/javascript/);
      const seen: unknown[] = [];
      runInNewContext(jsonp.text, { __jp0: (value: unknown) => seen.push(value) });
      expect(seen).toEqual([{ status: 200, user: post.json }]);
      const bad = await ctx.current.app.dispatch({ method: 'GET', path: '/tokeninfo?id_token=not.a.jwt&callback=__jp1' });
      const failures: any[] = [];
      runInNewContext(bad.text, { __jp1: (value: unknown) => failures.push(value) });
      expect(failures[0]).toMatchObject({ status: 401, error: 'invalid_token' });
      const missing = await ctx.current.app.dispatch({ method: 'GET', path: '/tokeninfo' });
      expect(missing.status).toBe(400);
      expect(missing.json.error_description).toBe('missing id_token parameter');
      // A callback that is not a plain name is not a script: JSON as usual.
      const injected = await ctx.current.app.dispatch({ method: 'GET', path: `/tokeninfo?id_token=${tokens.id_token}&callback=${encodeURIComponent('alert(1);x')}` });
      expect(injected.headers['content-type']).toMatch(/^application\/json/);
    });

    it('answers POST /userinfo like GET /userinfo', async () => {
      const { tokens } = await loggedIn();
      const headers = { authorization: `Bearer ${tokens.access_token}` };
      const get = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers });
      const post = await ctx.current.app.dispatch({ method: 'POST', path: '/userinfo', headers });
      expect(post.status).toBe(200);
      expect(post.json).toEqual(get.json);
      const none = await ctx.current.app.dispatch({ method: 'POST', path: '/userinfo' });
      expect(none.status).toBe(401);
    });

    it('puts Auth0’s Gravatar picture in the profile scope, and email_verified with the email scope', async () => {
      const { email, tokens } = await loggedIn('openid profile');
      const claims = decodeJwt(tokens.id_token);
      expect(claims.picture).toBe(expectedPicture(email));
      expect(claims).toMatchObject({ email, email_verified: false });
      const emailOnly = await ctx.current.login({ client_id: BROWSER_CLIENTS.spa, username: email, password: GOOD_PASSWORD, scope: 'openid email' });
      const emailClaims = decodeJwt((emailOnly.json as { id_token: string }).id_token);
      expect(emailClaims).toMatchObject({ email, email_verified: false });
      expect(emailClaims.picture).toBeUndefined();
      const picture = await ctx.current.login({ client_id: BROWSER_CLIENTS.spa, username: email, password: GOOD_PASSWORD, scope: 'openid picture' });
      expect(decodeJwt((picture.json as { id_token: string }).id_token).picture).toBe(expectedPicture(email));
      const info = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: tokens.id_token } });
      expect(info.json.picture).toBe(expectedPicture(email));
    });

    for (const path of ['/logout', '/v2/logout']) {
      it(`${path}: a plain page without returnTo, a redirect only to the client’s allowed_logout_urls`, async () => {
        const page = await ctx.current.app.dispatch({ method: 'GET', path });
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.text).toContain('logged out');
        const q = (params: Record<string, string>) => `${path}?${new URLSearchParams(params).toString()}`;
        const back = await ctx.current.app.dispatch({ method: 'GET', path: q({ client_id: BROWSER_CLIENTS.spa, returnTo: LOGOUT_URL, federated: '' }) });
        expect(back.status).toBe(302);
        expect(back.headers.location).toBe(LOGOUT_URL);
        // Query string and fragment are not compared, as Auth0 did; they are kept.
        const withQuery = await ctx.current.app.dispatch({ method: 'GET', path: q({ client_id: BROWSER_CLIENTS.spa, returnTo: `${LOGOUT_URL}?reason=idle` }) });
        expect(withQuery.status).toBe(302);
        expect(withQuery.headers.location).toBe(`${LOGOUT_URL}?reason=idle`);
        const refused: Record<string, string>[] = [
          { client_id: BROWSER_CLIENTS.spa, returnTo: 'https://evil.example/signed-out' },
          { client_id: BROWSER_CLIENTS.spa, returnTo: 'https://app.example.com/signed-out/../../evil' },
          { client_id: BROWSER_CLIENTS.spa, returnTo: 'https://app.example.com/signed-outx' },
          { client_id: BROWSER_CLIENTS.spa, returnTo: 'https://app.example.com.evil.example/signed-out' },
          { client_id: BROWSER_CLIENTS.spa, returnTo: '//evil.example/signed-out' },
          { client_id: BROWSER_CLIENTS.spa, returnTo: 'javascript:alert(1)' },
          { client_id: BROWSER_CLIENTS.otherSpa, returnTo: LOGOUT_URL },
          { client_id: 'no-such-client', returnTo: LOGOUT_URL },
          { returnTo: LOGOUT_URL },
        ];
        for (const params of refused) {
          const res = await ctx.current.app.dispatch({ method: 'GET', path: q(params) });
          expect(res.status, JSON.stringify(params)).toBe(400);
          expect(res.json.error).toBe('invalid_request');
          expect(res.headers.location).toBeUndefined();
        }
        // Line breaks are dropped by the URL parser: never a second header.
        const split = await ctx.current.app.dispatch({ method: 'GET', path: `${path}?client_id=${BROWSER_CLIENTS.spa}&returnTo=${encodeURIComponent(`${LOGOUT_URL}\r\nset-cookie: a=b`)}` });
        expect(split.headers['set-cookie']).toBeUndefined();
        if (split.status === 302) expect(split.headers.location).not.toMatch(/[\r\n]/);
        // A custom-scheme logout URL (a mobile app) is allowed when listed.
        const app = await ctx.current.app.dispatch({ method: 'GET', path: q({ client_id: BROWSER_CLIENTS.spa, returnTo: 'com.example.app://logout' }) });
        expect(app.status).toBe(302);
        expect(app.headers.location).toBe('com.example.app://logout');
      });
    }
  });
}
