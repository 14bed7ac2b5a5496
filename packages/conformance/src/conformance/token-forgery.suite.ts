import { createPublicKey, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { HS256_SECRET, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { JWT_BEARER, LIFECYCLE_CLIENTS as C, LIFECYCLE_CONNECTION, lifecycleConfig, lifecycleLogin, newLifecycleUser } from './lifecycle-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

const DEVICES = '/api/v2/device-credentials';
const hsKey = new TextEncoder().encode(HS256_SECRET);

/**
 * Issue #14 (HIGH): what the holder of one HS256 client's secret, or of a token meant for something
 * else, can get. Sent as an attacker would: forged tokens straight at /userinfo, /tokeninfo, the
 * device-credentials API, /delegation and the host app's own protected route.
 */
export function tokenForgerySuite(harness: AdapterHarness): void {
  describe('token forgery and token confusion (HS256 secrets, id_token vs access token)', () => {
    const ctx = useMountedApp(harness, { config: lifecycleConfig() });
    const issuer = () => ctx.current.oauthRo.issuer;
    const userinfoAud = () => `${issuer()}userinfo`;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const get = (path: string, token: string) => ctx.current.app.dispatch({ method: 'GET', path, headers: bearer(token) });

    /** A victim with a session at the public (RS256) client. */
    async function victim() {
      const user = await newLifecycleUser(ctx.current);
      const res = await lifecycleLogin(ctx.current, { client_id: C.public, username: user.email, scope: 'openid email' });
      expect(res.status, res.text).toBe(200);
      return { ...user, tokens: res.json as { access_token: string; id_token: string } };
    }

    /** What the HS256 client's secret signs: anything, with any header. */
    const forgeHs256 = (claims: JWTPayload, header: Record<string, unknown> = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...header }).setIssuer(issuer()).setIssuedAt().setExpirationTime('1h').sign(hsKey);

    async function enrolBody(client_id: string) {
      const { publicKey } = await generateKeyPair('ES256', { extractable: true });
      return { type: 'public_key', client_id, device_name: 'attacker phone', device_id: `evil-${randomUUID()}`, value: await exportSPKI(publicKey) };
    }
    const enrol = async (token: string, client_id: string) =>
      ctx.current.app.dispatch({ method: 'POST', path: DEVICES, headers: bearer(token), json: await enrolBody(client_id) });

    it('marks access tokens typ at+jwt (RFC 9068) with client_id, signed by the server; id_tokens are not', async () => {
      const { tokens } = await victim();
      expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt', kid: expect.any(String) });
      expect(decodeJwt(tokens.access_token)).toMatchObject({ client_id: C.public, aud: userinfoAud() });
      expect(decodeProtectedHeader(tokens.id_token).typ).toBe('JWT');
    });

    it('a token forged with one HS256 client secret, with the userinfo audience added, opens nothing', async () => {
      const { user_id } = await victim();
      const forged = await forgeHs256({ sub: user_id, aud: [TEST_CLIENTS.hs256, userinfoAud()] });
      const asAccess = await forgeHs256({ sub: user_id, aud: userinfoAud(), scope: 'openid' }, { typ: 'at+jwt' });
      const tokenFor = await forgeHs256({ sub: user_id, aud: [userinfoAud(), TEST_CLIENTS.hs256] });
      for (const token of [forged, asAccess, tokenFor]) {
        const label = JSON.stringify(decodeJwt(token).aud);
        expect((await get('/userinfo', token)).status, `/userinfo ${label}`).toBe(401);
        expect((await get('/api/me', token)).status, `/api/me ${label}`).toBe(401);
        expect((await get(DEVICES, token)).status, `GET devices ${label}`).toBe(401);
        for (const client_id of [C.public, TEST_CLIENTS.hs256]) {
          expect((await enrol(token, client_id)).status, `enrol for ${client_id} ${label}`).toBe(401);
        }
        const info = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: token } });
        expect(info.status, `/tokeninfo ${label}`).toBe(401);
      }
      expect(await ctx.current.deps.deviceCredentials!.listByUser(user_id)).toEqual([]);
    });

    it('a single-audience HS256 id_token forged for its own client never becomes a token of another client', async () => {
      const { user_id } = await victim();
      const forged = await forgeHs256({ sub: user_id, aud: TEST_CLIENTS.hs256 });
      for (const target of [C.public, C.es256, TEST_CLIENTS.rs256, TEST_CLIENTS.hs256Encoded]) {
        const res = await ctx.current.app.dispatch({
          method: 'POST',
          path: '/delegation',
          json: { client_id: TEST_CLIENTS.hs256, grant_type: JWT_BEARER, id_token: forged, target, api_type: 'app' },
        });
        expect(res.status, `${target}: ${res.text}`).toBe(403);
        expect(res.json.error).toBe('unauthorized_client');
      }
      // Posing as another client with the token: the audience must be exactly that client.
      const posing = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/delegation',
        json: { client_id: C.public, grant_type: JWT_BEARER, id_token: forged, target: C.public },
      });
      expect(posing.status).toBe(401);
      // Never a Touch ID key for it: HS256 id_tokens do not enrol devices, not even for their own client.
      expect((await enrol(forged, TEST_CLIENTS.hs256)).status).toBe(401);
    });

    it('/userinfo and the app\'s protected routes take access tokens only; /tokeninfo takes id_tokens only', async () => {
      const { tokens, email } = await victim();
      expect((await get('/userinfo', tokens.access_token)).json.email).toBe(email);
      expect((await get('/api/me', tokens.access_token)).status).toBe(200);
      expect((await get('/userinfo', tokens.id_token)).status).toBe(401);
      expect((await get('/api/me', tokens.id_token)).status).toBe(401);
      const byId = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: tokens.id_token } });
      expect(byId.json.email).toBe(email);
      const byAccess = await ctx.current.app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: tokens.access_token } });
      expect(byAccess.status).toBe(401);
    });

    it('refuses alg confusion (HS256 with the public key) and jwk/jku/x5u/kid injection', async () => {
      const { user_id } = await victim();
      const jwks = ctx.current.oauthRo.jwks().keys;
      const serverJwk = jwks.find((k) => k.alg === 'RS256')!;
      const pem = createPublicKey({ key: serverJwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
      const claims = { sub: user_id, aud: userinfoAud(), scope: 'openid' };
      const confusion = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: serverJwk.kid as string })
        .setIssuer(issuer())
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(pem));
      const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
      const attackerJwk = { ...(await exportJWK(publicKey)), alg: 'RS256' };
      const attackerKid = await calculateJwkThumbprint(attackerJwk);
      const signWith = (header: Record<string, unknown>) =>
        new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', ...header }).setIssuer(issuer()).setExpirationTime('1h').sign(privateKey);
      const injected = [
        await signWith({ kid: attackerKid, jwk: attackerJwk }),
        await signWith({ kid: serverJwk.kid, jwk: attackerJwk }),
        await signWith({ kid: attackerKid, jku: 'http://127.0.0.1:9/jwks.json' }),
        await signWith({ kid: serverJwk.kid, x5u: 'http://127.0.0.1:9/cert.pem' }),
        await signWith({ kid: '../../../../etc/passwd' }),
      ];
      for (const token of [confusion, ...injected]) {
        const label = JSON.stringify(decodeProtectedHeader(token)).slice(0, 80);
        expect((await get('/userinfo', token)).status, label).toBe(401);
        expect((await get('/api/me', token)).status, label).toBe(401);
        expect((await enrol(token, C.public)).status, label).toBe(401);
      }
    });

    it('every route guard applies exactly core\'s access-token rules (typ, iss, sub, exp, clock tolerance, length)', async () => {
      const { user_id } = await victim();
      // Signed with the server's own active RS256 key, so only the rule under test can fail.
      const record = (await ctx.current.deps.keys.list()).find((k) => k.alg === 'RS256' && k.retired_at === undefined)!;
      const key = await importJWK(JSON.parse(record.private_jwk) as JWK, 'RS256');
      const now = Math.floor(Date.now() / 1000);
      const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { typ: 'at+jwt' }) =>
        new SignJWT({ iss: issuer(), sub: user_id, aud: userinfoAud(), iat: now, exp: now + 600, ...claims })
          .setProtectedHeader({ alg: 'RS256', kid: record.kid, ...header })
          .sign(key);
      const cases: [string, string, number][] = [
        ['valid', await sign({}), 200],
        ['typ application/AT+JWT', await sign({}, { typ: 'application/AT+JWT' }), 200],
        ['expired 10 s ago (tolerated)', await sign({ exp: now - 10 }), 200],
        ['no typ (an id_token shape)', await sign({}, {}), 401],
        ['typ JWT', await sign({}, { typ: 'JWT' }), 401],
        ['another issuer', await sign({ iss: 'https://evil.example/' }), 401],
        ['no sub', await sign({ sub: undefined }), 401],
        ['numeric sub', await sign({ sub: 42 }), 401],
        ['no exp', await sign({ exp: undefined }), 401],
        ['expired 5 minutes ago', await sign({ exp: now - 300 }), 401],
        ['not yet valid (nbf in 5 minutes)', await sign({ nbf: now + 300 }), 401],
        ['longer than 16384 characters', await sign({ padding: 'x'.repeat(16400) }), 401],
      ];
      for (const [label, token, status] of cases) {
        expect((await ctx.current.oauthRo.verifyAccessToken(token)).ok, `verifyAccessToken: ${label}`).toBe(status === 200);
        // Over HTTP, an Authorization header that long is refused (431) before any verifier runs.
        if (token.length > 16384) continue;
        expect((await get('/api/me', token)).status, `/api/me: ${label}`).toBe(status);
        expect((await get('/userinfo', token)).status, `/userinfo: ${label}`).toBe(status);
      }
    });

    it('enrols a Touch ID key with the user\'s own RS256 id_token for its client only (Lock\'s flow), then logs in with it', async () => {
      const { user_id, tokens } = await victim();
      for (const other of [C.es256, TEST_CLIENTS.rs256, TEST_CLIENTS.hs256]) {
        expect((await enrol(tokens.id_token, other)).status, other).toBe(401);
      }
      const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
      const device_id = `lock-${randomUUID()}`;
      const created = await ctx.current.app.dispatch({
        method: 'POST',
        path: DEVICES,
        headers: bearer(tokens.id_token),
        json: { type: 'public_key', client_id: C.public, device_name: 'iPhone', device_id, value: await exportSPKI(publicKey) },
      });
      expect(created.status, created.text).toBe(201);
      // The id_token lists and deletes only its own client's credentials.
      const listed = await get(DEVICES, tokens.id_token);
      expect(listed.json.map((c: { client_id: string }) => c.client_id)).toEqual([C.public]);
      const assertion = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer(user_id).setJti(randomUUID()).setExpirationTime('2m').sign(privateKey);
      const login = await ctx.current.login({ client_id: C.public, connection: LIFECYCLE_CONNECTION, grant_type: JWT_BEARER, id_token: assertion, device: device_id, scope: 'openid' });
      expect(login.status, login.text).toBe(200);
    });

    it('an id_token of one client cannot delete or list another client\'s credentials', async () => {
      const { user_id, tokens, email } = await victim();
      const es = await lifecycleLogin(ctx.current, { client_id: C.es256, username: email, scope: 'openid' });
      const esBody = await enrolBody(C.es256);
      const created = await ctx.current.app.dispatch({ method: 'POST', path: DEVICES, headers: bearer(es.json.access_token), json: esBody });
      expect(created.status).toBe(201);
      expect((await get(DEVICES, tokens.id_token)).json).toEqual([]);
      const del = await ctx.current.app.dispatch({ method: 'DELETE', path: `${DEVICES}/${created.json.id as string}`, headers: bearer(tokens.id_token) });
      expect(del.status).toBe(404);
      expect((await ctx.current.deps.deviceCredentials!.listByUser(user_id)).map((k) => k.client_id)).toEqual([C.es256]);
    });
  });
}
