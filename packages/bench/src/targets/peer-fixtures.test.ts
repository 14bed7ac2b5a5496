import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { BENCH } from './bench-config.js';
import { createBenchOAuthRo } from './create-bench-oauth-ro.js';
import { listenBetterAuth } from './listen-better-auth.js';
import { listenOidcProvider } from './listen-oidc-provider.js';

const FORM = 'application/x-www-form-urlencoded';
type Tokens = { access_token?: string; id_token?: string; refresh_token?: string };

/** The peers run compares like with like: the same kinds of RS256 tokens on both sides, every answer 200. */
describe('peers fixtures', () => {
  it('oauth-ro: client_credentials gives one RS256 JWT; refresh_token gives an RS256 access token and id_token', async () => {
    const target = await createBenchOAuthRo({ name: 'fastify' });
    try {
      const cc = target.fixtures.clientCredentials!;
      const ccRes = await target.oauthRo.handle({
        method: 'POST',
        path: '/oauth/token',
        headers: { 'content-type': FORM, authorization: cc.authorization },
        rawBody: cc.body,
        ip: '127.0.0.1',
      });
      expect(ccRes.status, ccRes.body).toBe(200);
      const ccTokens = JSON.parse(ccRes.body) as Tokens;
      expect(decodeProtectedHeader(ccTokens.access_token!).alg).toBe('RS256');
      expect(ccTokens.id_token).toBeUndefined();

      const body = new URLSearchParams({ grant_type: 'refresh_token', client_id: BENCH.clientId, refresh_token: target.fixtures.refreshToken! });
      for (let i = 0; i < 2; i += 1) {
        const res = await target.oauthRo.handle({ method: 'POST', path: '/oauth/token', headers: { 'content-type': FORM }, rawBody: body.toString(), ip: '127.0.0.1' });
        expect(res.status, res.body).toBe(200);
        const tokens = JSON.parse(res.body) as Tokens;
        expect(decodeProtectedHeader(tokens.access_token!).alg).toBe('RS256');
        expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
      }
    } finally {
      await target.oauthRo.close();
      await target.close();
    }
  });

  it('oidc-provider: client_credentials gives one RS256 JWT; its refresh token is redeemed again and again, as RS256 access token and id_token', async () => {
    const { server, fixtures } = await listenOidcProvider();
    try {
      const post = async (grant: { body: string; authorization: string }) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/token`, { method: 'POST', headers: { 'content-type': FORM, authorization: grant.authorization }, body: grant.body });
        const text = await res.text();
        expect(res.status, text).toBe(200);
        return JSON.parse(text) as Tokens;
      };
      const cc = await post(fixtures.clientCredentials!);
      expect(decodeProtectedHeader(cc.access_token!).alg).toBe('RS256');
      const seeded = new URLSearchParams(fixtures.refreshTokenGrant!.body).get('refresh_token');
      for (let i = 0; i < 2; i += 1) {
        const tokens = await post(fixtures.refreshTokenGrant!);
        expect(decodeProtectedHeader(tokens.access_token!).alg).toBe('RS256');
        expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
        expect(tokens.refresh_token).toBe(seeded);
      }
      expect(fixtures.version).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await server.close();
    }
  });

  it('Better Auth: every bench user signs in (200) with the Origin a browser sends', async () => {
    const { server, fixtures } = await listenBetterAuth();
    try {
      const url = `http://127.0.0.1:${server.port}`;
      expect(fixtures.signInBodies!.length).toBeGreaterThan(1);
      for (const body of fixtures.signInBodies!) {
        const res = await fetch(`${url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body });
        expect(res.status, await res.text()).toBe(200);
      }
      expect(fixtures.version).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await server.close();
    }
  }, 30_000);
});
