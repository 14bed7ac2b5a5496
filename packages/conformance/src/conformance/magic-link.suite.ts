import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCapturingSender } from '../fixtures/capturing-sender.js';
import { EMAIL_CONNECTION, SMS_CONNECTION, testConfig } from '../fixtures/test-config.js';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { movableClock } from './lifecycle-fixtures.js';
import { uniqueEmail, uniquePhone, useMountedApp } from './use-mounted-app.js';

const SPA = 'app-spa-links';
const OTHER_SPA = 'app-spa-other';
const NATIVE = 'app-native-links';
const CALLBACK = 'https://app.example.com/callback';
const OTHER_CALLBACK = 'https://other.example.com/callback';

/** The suite's configuration: two SPAs with their own callbacks, a native app, a connection without sign-ups. */
function linkConfig() {
  const base = testConfig({
    clients: [
      { client_id: SPA, name: 'Link SPA', callbacks: [CALLBACK, 'https://app.example.com/second'] },
      { client_id: OTHER_SPA, name: 'Other SPA', callbacks: [OTHER_CALLBACK] },
      { client_id: NATIVE, callbacks: ['com.example.app://callback'], mobile: { ios: { app_bundle_identifier: 'com.example.app' } } },
      { client_id: 'app-no-implicit', callbacks: [CALLBACK], grant_types: ['password'] },
    ],
    connections: [
      {
        name: 'email-closed',
        strategy: 'email',
        enabled_clients: [SPA],
        options: { disable_signup: true, email: { body: "{% if send == 'link' %}Open {{ link }}{% else %}Code {{ code }}{% endif %}", syntax: 'liquid' } },
      },
    ],
  });
  const links = [SPA, OTHER_SPA, NATIVE, 'app-no-implicit'];
  return {
    ...base,
    connections: base.connections.map((c) =>
      (c as { name: string }).name === EMAIL_CONNECTION || (c as { name: string }).name === SMS_CONNECTION
        ? { ...(c as object), enabled_clients: [...(c as { enabled_clients: string[] }).enabled_clients, ...links] }
        : c,
    ),
  };
}

/** The fragment (or query) parameters of a redirect's Location. */
function redirectParams(res: TestResponse, where: 'fragment' | 'query' = 'fragment'): URLSearchParams {
  const location = new URL(res.headers.location!);
  return new URLSearchParams(where === 'fragment' ? location.hash.slice(1) : location.search);
}

/** Magic links and `/passwordless/verify(_redirect)` (docs/spec.md §5.11), also as an attacker sends them. */
export function magicLinkSuite(harness: AdapterHarness): void {
  describe('passwordless magic links: send=link, /passwordless/verify, /passwordless/verify_redirect', () => {
    const time = movableClock();
    const email = createCapturingSender();
    const sms = createCapturingSender();
    const ctx = useMountedApp(harness, { config: linkConfig(), clock: time.clock, senders: { sms, email }, passwordless: { limits: { startsPerIpPerHour: 10_000 } } });
    const start = (body: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/start', json: body });
    const startLink = (address: string, authParams: Record<string, unknown> = {}, client_id = SPA) =>
      start({ client_id, connection: EMAIL_CONNECTION, email: address, send: 'link', authParams: { redirect_uri: CALLBACK, ...authParams } });
    const linkOf = (address: string) => {
      const body = [...email.messages].reverse().find((m) => m.recipient === address)?.body ?? '';
      const href = /https:\/\/auth\.test\.example\/[^\s"<]+/.exec(body)?.[0];
      if (!href) throw new Error('no link in the message');
      return new URL(href.replace(/&amp;/g, '&'));
    };
    const follow = (link: URL) => ctx.current.app.dispatch({ method: 'GET', path: `${link.pathname}${link.search}` });
    const redirect = (params: Record<string, string>) =>
      ctx.current.app.dispatch({ method: 'GET', path: `/passwordless/verify_redirect?${new URLSearchParams(params).toString()}` });

    it('emails a link that logs in once and delivers the tokens (state, nonce) in the fragment of the callback', async () => {
      const address = uniqueEmail('link');
      const started = await startLink(address, { response_type: 'id_token token', scope: 'openid email', state: 'st-1', nonce: 'n-1' });
      expect(started.status).toBe(200);
      expect(started.json).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), email: address, email_verified: false });
      const link = linkOf(address);
      expect(link.pathname).toBe('/passwordless/verify_redirect');
      expect(link.searchParams.get('verification_code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const res = await follow(link);
      expect(res.status).toBe(302);
      expect(res.headers.location!.startsWith(`${CALLBACK}#`)).toBe(true);
      expect(res.headers['cache-control']).toBe('no-store');
      const fragment = redirectParams(res);
      expect(fragment.get('state')).toBe('st-1');
      expect(fragment.get('token_type')).toBe('Bearer');
      expect(Number(fragment.get('expires_in'))).toBeGreaterThan(0);
      const claims = decodeJwt(fragment.get('id_token')!);
      expect(claims).toMatchObject({ aud: SPA, nonce: 'n-1', email: address, email_verified: true, sub: `email|${started.json._id}` });
      expect(decodeJwt(fragment.get('access_token')!).sub).toBe(claims.sub);
      const userinfo = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${fragment.get('access_token')}` } });
      expect(userinfo.status).toBe(200);
    });

    it('answers response_type=id_token with the id_token alone', async () => {
      const address = uniqueEmail('link');
      await startLink(address, { response_type: 'id_token', scope: 'openid' });
      const fragment = redirectParams(await follow(linkOf(address)));
      expect([...fragment.keys()].sort()).toEqual(['id_token']);
    });

    it('refuses a replayed link: the second use is an error redirect and no tokens', async () => {
      const address = uniqueEmail('replay');
      await startLink(address, { state: 's' });
      const link = linkOf(address);
      expect(redirectParams(await follow(link)).get('access_token')).toBeTruthy();
      const again = await follow(link);
      expect(again.status).toBe(302);
      const fragment = redirectParams(again);
      expect(fragment.get('access_token')).toBeNull();
      expect(fragment.get('error')).toBe('invalid_user_password');
      expect(fragment.get('state')).toBe('s');
    });

    it('lets exactly one of ten parallel redemptions of one link through', async () => {
      const address = uniqueEmail('race');
      await startLink(address);
      const link = linkOf(address);
      const results = await Promise.all(Array.from({ length: 10 }, () => follow(link)));
      const won = results.filter((r) => redirectParams(r).get('access_token'));
      expect(won).toHaveLength(1);
      expect(results.every((r) => r.status === 302 && r.headers.location!.startsWith(`${CALLBACK}#`))).toBe(true);
    });

    it('refuses an expired link', async () => {
      const address = uniqueEmail('expired');
      await startLink(address);
      const link = linkOf(address);
      time.advance(181_000);
      const res = await follow(link);
      expect(redirectParams(res).get('error')).toBe('invalid_user_password');
    });

    it.each([
      ['a redirect_uri that is not a callback', { redirect_uri: 'https://evil.example.net/steal' }],
      ['a callback of another client', { redirect_uri: OTHER_CALLBACK }],
      ['a callback with a fragment', { redirect_uri: `${CALLBACK}#x` }],
      ['a javascript: URL', { redirect_uri: 'javascript:alert(1)' }],
    ])('never redirects to %s: start refuses it, and an edited link answers JSON 400', async (_case, authParams) => {
      const before = email.attempts.length;
      const refused = await startLink(uniqueEmail('evil'), authParams);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toBe('invalid_request');
      expect(email.attempts.length).toBe(before);

      const address = uniqueEmail('edit');
      await startLink(address);
      const link = linkOf(address);
      link.searchParams.set('redirect_uri', authParams.redirect_uri);
      const res = await follow(link);
      expect(res.status).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.json).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('Callback URL mismatch') });
      // The token was not touched: the genuine link still works.
      expect(redirectParams(await follow(linkOf(address))).get('access_token')).toBeTruthy();
    });

    it('never lets a control character of redirect_uri into the Location header', async () => {
      const res = await redirect({ client_id: SPA, redirect_uri: `${CALLBACK}?a=1\r\nSet-Cookie: stolen=1`, response_type: 'token', connection: EMAIL_CONNECTION, email: uniqueEmail('crlf'), verification_code: '123456' });
      expect(res.status).toBe(302);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers.location).not.toMatch(/[\r\n]/);
      expect(res.headers.location!.startsWith(`${CALLBACK}?a=1Set-Cookie:%20stolen=1#error=`)).toBe(true);
    });

    it('refuses a link edited to name another client, or another allowed callback, state or nonce of the same client', async () => {
      const address = uniqueEmail('other-client');
      await startLink(address, { state: 'a' });
      const original = linkOf(address);
      const otherClient = new URL(original);
      otherClient.searchParams.set('client_id', OTHER_SPA);
      otherClient.searchParams.set('redirect_uri', OTHER_CALLBACK);
      const res = await follow(otherClient);
      expect(res.headers.location!.startsWith(`${OTHER_CALLBACK}#`)).toBe(true);
      expect(redirectParams(res).get('error')).toBe('invalid_user_password');
      const otherCallback = new URL(original);
      otherCallback.searchParams.set('redirect_uri', 'https://app.example.com/second');
      expect(redirectParams(await follow(otherCallback)).get('error')).toBe('invalid_user_password');
      const otherState = new URL(original);
      otherState.searchParams.set('state', 'b');
      // The third wrong try kills the link: even the genuine one is now refused.
      expect(redirectParams(await follow(otherState)).get('error')).toBe('invalid_user_password');
      expect(redirectParams(await follow(original)).get('error')).toBe('invalid_user_password');
    });

    it('refuses response_type=code clearly: at start as JSON, at verify_redirect as an error redirect in the query', async () => {
      const started = await startLink(uniqueEmail('code'), { response_type: 'code' });
      expect(started.status).toBe(400);
      expect(started.json.error).toBe('unsupported_response_type');
      const res = await redirect({ client_id: SPA, redirect_uri: CALLBACK, response_type: 'code', connection: EMAIL_CONNECTION, email: uniqueEmail('c'), verification_code: '123456', state: 'q' });
      expect(res.status).toBe(302);
      const query = redirectParams(res, 'query');
      expect(query.get('error')).toBe('unsupported_response_type');
      expect(query.get('state')).toBe('q');
    });

    it('answers JSON 400 without a known client, and never redirects then', async () => {
      for (const params of [{ redirect_uri: CALLBACK }, { client_id: 'nope', redirect_uri: CALLBACK }] as Record<string, string>[]) {
        const res = await redirect(params);
        expect(res.status).toBe(400);
        expect(res.json.error).toBe('bad.client_id');
        expect(res.headers.location).toBeUndefined();
      }
      const repeated = await ctx.current.app.dispatch({ method: 'GET', path: `/passwordless/verify_redirect?client_id=${SPA}&client_id=${OTHER_SPA}` });
      expect(repeated.status).toBe(400);
      expect(repeated.json.error).toBe('invalid_request');
    });

    it('refuses send=link to a client whose grant_types lacks implicit', async () => {
      const res = await startLink(uniqueEmail('noimp'), {}, 'app-no-implicit');
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('unauthorized_client');
    });

    it('checks a code at /passwordless/verify without spending it; verify_redirect then spends it (the auth0.js flow)', async () => {
      const address = uniqueEmail('verify');
      await start({ client_id: SPA, connection: EMAIL_CONNECTION, email: address, send: 'code' });
      const code = email.lastCode(address)!;
      const verify = (verification_code: string) =>
        ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/verify', json: { connection: EMAIL_CONNECTION, email: address, verification_code } });
      const wrongCode = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
      const bad = await verify(wrongCode);
      expect(bad.status).toBe(401);
      expect(bad.json).toEqual({ error: 'invalid_user_password', error_description: 'Wrong email or verification code.' });
      const good = await verify(code);
      expect(good.status).toBe(200);
      expect(good.json).toEqual({});
      const res = await redirect({ client_id: SPA, redirect_uri: CALLBACK, response_type: 'token', scope: 'openid', connection: EMAIL_CONNECTION, email: address, verification_code: code, state: 'v' });
      expect(redirectParams(res).get('access_token')).toBeTruthy();
      expect((await verify(code)).status).toBe(401);
    });

    it('answers /passwordless/verify errors as contract JSON', async () => {
      const post = (json: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/verify', json });
      expect((await post({ email: 'a@example.com', verification_code: '1' })).json.error).toBe('bad.connection');
      expect((await post({ connection: EMAIL_CONNECTION, verification_code: '1' })).json.error).toBe('bad.email');
      expect((await post({ connection: EMAIL_CONNECTION, email: 'a@example.com' })).json.error).toBe('bad.request');
      expect((await post({ connection: 'nope', email: 'a@example.com', verification_code: '1' })).status).toBe(400);
      expect((await post({ client_id: 'nope', connection: EMAIL_CONNECTION, email: 'a@example.com', verification_code: '1' })).json.error).toBe('bad.client_id');
    });

    it('refuses unknown recipients on a connection with disable_signup, as Auth0 did, and links known ones', async () => {
      const refused = await start({ client_id: SPA, connection: 'email-closed', email: uniqueEmail('closed'), send: 'link', authParams: { redirect_uri: CALLBACK } });
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual({ error: 'bad.connection', error_description: 'Public signup is disabled' });
      const known = uniqueEmail('known');
      const now = new Date().toISOString();
      await ctx.current.deps.users.create({ user_id: 'email|0123456789abcdef01234567', connection: 'email-closed', strategy: 'email', email: known, blocked: false, profile: {}, created_at: now, updated_at: now });
      const started = await start({ client_id: SPA, connection: 'email-closed', email: known, send: 'link', authParams: { redirect_uri: CALLBACK } });
      expect(started.status).toBe(200);
      const body = email.messages.at(-1)!.body;
      expect(body.startsWith('Open https://auth.test.example/passwordless/verify_redirect?')).toBe(true);
      expect(redirectParams(await follow(linkOf(known))).get('access_token')).toBeTruthy();
    });

    it('sends link_ios as a code inside the app link, usable at /oauth/ro; refuses it for a client without its app', async () => {
      const address = uniqueEmail('ios');
      const started = await start({ client_id: NATIVE, connection: EMAIL_CONNECTION, email: address, send: 'link_ios' });
      expect(started.status).toBe(200);
      const body = email.messages.at(-1)!.body;
      const code = /\/ios\/com\.example\.app\/email\?code=([0-9]{6})/.exec(body)?.[1];
      expect(code).toBeDefined();
      const login = await ctx.current.login({ client_id: NATIVE, connection: EMAIL_CONNECTION, username: address, password: code!, scope: 'openid' });
      expect(login.status).toBe(200);
      const refused = await start({ client_id: SPA, connection: EMAIL_CONNECTION, email: uniqueEmail('ios'), send: 'link_android' });
      expect(refused.status).toBe(400);
      expect(refused.json.error).toBe('bad.request');
    });

    it('records Auth0 audit events: cls for the link, s for the login, f for a replay, fs for a refused sign-up', async () => {
      const address = uniqueEmail('audit');
      await startLink(address);
      const link = linkOf(address);
      await follow(link);
      await follow(link);
      await start({ client_id: SPA, connection: 'email-closed', email: address, send: 'link', authParams: { redirect_uri: CALLBACK } });
      const events = ctx.current.audit.about(address);
      expect(events.map((e) => e.type)).toEqual(['cls', 's', 'f', 'fs']);
      expect(events[0]).toMatchObject({ client_id: SPA, connection: EMAIL_CONNECTION, description: 'Passwordless login link sent by email' });
      expect(events[1]).toMatchObject({ client_id: SPA, strategy: 'email', user_id: expect.stringMatching(/^email\|/) });
      expect(JSON.stringify(events)).not.toContain(link.searchParams.get('verification_code'));
    });

    it('takes auth0.js v7 verify as a form POST, then its redirect with the v7 query (sso, protocol ignored)', async () => {
      const address = uniqueEmail('v7');
      await start({ client_id: SPA, connection: EMAIL_CONNECTION, email: address, send: 'code' });
      const code = email.lastCode(address)!;
      const verified = await ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/verify', form: { connection: EMAIL_CONNECTION, email: address, verification_code: code } });
      expect(verified.status).toBe(200);
      const res = await redirect({
        response_type: 'token',
        connection: EMAIL_CONNECTION,
        email: address,
        verification_code: code,
        scope: 'openid',
        sso: 'false',
        protocol: 'oauth2',
        client_id: SPA,
        redirect_uri: CALLBACK,
      });
      const fragment = redirectParams(res);
      expect(fragment.get('access_token')).toBeTruthy();
      expect(fragment.get('id_token')).toBeTruthy();
    });

    it('takes auth0.js v7 startPasswordless as a form POST whose authParams are bracketed keys (authParams[state]=…), as Auth0’s body parser did', async () => {
      const address = uniqueEmail('v7-link');
      const form = {
        client_id: SPA,
        email: address,
        connection: EMAIL_CONNECTION,
        'authParams[scope]': 'openid email',
        'authParams[state]': 'st-v7',
        'authParams[nonce]': 'n-v7',
        'authParams[redirect_uri]': 'https://app.example.com/second',
        'authParams[response_type]': 'token',
      };
      const started = await ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/start', form });
      expect(started.status, started.text).toBe(200);
      const link = linkOf(address);
      expect(Object.fromEntries(link.searchParams)).toMatchObject({ redirect_uri: 'https://app.example.com/second', response_type: 'token', scope: 'openid email', state: 'st-v7', nonce: 'n-v7' });
      const res = await follow(link);
      expect(res.headers.location!.startsWith('https://app.example.com/second#')).toBe(true);
      const fragment = redirectParams(res);
      expect(fragment.get('state')).toBe('st-v7');
      expect(decodeJwt(fragment.get('id_token')!)).toMatchObject({ aud: SPA, nonce: 'n-v7', email: address });
      // Still checked as authParams: a callback the client does not list is refused.
      const stray = await ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/start', form: { ...form, 'authParams[redirect_uri]': 'https://evil.example/cb' } });
      expect([stray.status, stray.json.error]).toEqual([400, 'invalid_request']);
    });

    it('sends an SMS link too', async () => {
      const phone = uniquePhone();
      const started = await start({ client_id: SPA, connection: SMS_CONNECTION, phone_number: phone, send: 'link', authParams: { redirect_uri: CALLBACK } });
      expect(started.status).toBe(200);
      const body = sms.messages.at(-1)!.body;
      const href = /https:\/\/auth\.test\.example\/\S+/.exec(body)![0];
      const link = new URL(href);
      expect(link.searchParams.get('phone_number')).toBe(phone);
      expect(redirectParams(await follow(link)).get('access_token')).toBeTruthy();
    });
  });
}
