import type { OAuthRequest, OAuthResponse } from '@oauth-ro/core';
import { answerNodeRequestNow, answerNow } from '@oauth-ro/core/internal';
import { answerNodeRequest, type NodeRequestLike } from '@oauth-ro/core/node';
import { describe, expect, it } from 'vitest';
import { createTestOAuthRo } from '../fixtures/create-test-oauth-ro.js';

const instance = async () => (await createTestOAuthRo()).oauthRo;
const get = (path: string, headers: Record<string, string> = {}): OAuthRequest => ({ method: 'GET', path, headers, ip: '203.0.113.7' });
const nodeGet = (url: string, headers: Record<string, string> = {}): NodeRequestLike => ({
  method: 'GET',
  url,
  headers,
  async *[Symbol.asyncIterator]() {},
});

describe('answers that need no waiting', () => {
  it('come back at once from the boundary for JWKS, discovery and the probes, the same as `handle` gives them', async () => {
    const oauthRo = await instance();
    for (const path of ['/.well-known/jwks.json', '/.well-known/openid-configuration', '/health', '/health/live']) {
      const now = answerNow(oauthRo, get(path));
      expect(now, path).not.toBeInstanceOf(Promise);
      const promised = oauthRo.handle(get(path));
      expect(promised, path).toBeInstanceOf(Promise);
      expect(await promised, path).toEqual(now);
    }
  });

  it('still wait where the route does, and answer errors the same way on both entries', async () => {
    const oauthRo = await instance();
    const userinfo = answerNow(oauthRo, get('/userinfo', { authorization: 'Bearer not.a.token' }));
    expect(userinfo).toBeInstanceOf(Promise);
    expect((await userinfo).status).toBe(401);
    for (const request of [get('/no/such/route'), { ...get('/.well-known/jwks.json'), method: 'DELETE' }, get('/health', { authorization: 'x'.repeat(20_000) })]) {
      const now = answerNow(oauthRo, request) as OAuthResponse;
      expect(now).not.toBeInstanceOf(Promise);
      expect(await oauthRo.handle(request)).toEqual(now);
      expect(now.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('keep CORS on browser routes: Vary on every answer, the grant for a listed origin', async () => {
    const oauthRo = await instance();
    const plain = answerNow(oauthRo, get('/.well-known/jwks.json')) as OAuthResponse;
    expect(plain.headers.vary).toBe('Origin');
    expect(answerNow(oauthRo, get('/.well-known/jwks.json'))).toBe(plain);
    const preflight = answerNow(oauthRo, { ...get('/oauth/ro', { origin: 'https://app.example' }), method: 'OPTIONS' }) as OAuthResponse;
    expect([preflight.status, preflight.headers.vary]).toEqual([204, 'Origin']);
  });

  it('come back at once through the Node bridge for a GET, while `answerNodeRequest` keeps its promise', async () => {
    const oauthRo = await instance();
    const now = answerNodeRequestNow(oauthRo, nodeGet('/.well-known/jwks.json'), { ip: '203.0.113.7' });
    expect(now).not.toBeInstanceOf(Promise);
    const promised = answerNodeRequest(oauthRo, nodeGet('/.well-known/jwks.json'), { ip: '203.0.113.7' });
    expect(promised).toBeInstanceOf(Promise);
    expect(await promised).toEqual(now);
  });

  it('close the connection after a body refused as too large, on either Node entry', async () => {
    const oauthRo = await instance();
    const tooLarge = (): NodeRequestLike => ({ ...nodeGet('/oauth/ro', { 'content-type': 'application/json', 'content-length': '999999' }), method: 'POST' });
    for (const answered of [await answerNodeRequestNow(oauthRo, tooLarge()), await answerNodeRequest(oauthRo, tooLarge())]) {
      expect([answered.status, answered.headers.connection]).toEqual([413, 'close']);
    }
  });

  it('fall back to `handle` for anything that only has `handle` (a test double)', async () => {
    const fixed: OAuthResponse = { status: 200, headers: {}, body: 'ok' };
    const double = { handle: () => Promise.resolve(fixed) };
    expect(await answerNow(double, get('/anything'))).toBe(fixed);
    expect(await answerNodeRequestNow(double, nodeGet('/anything'))).toBe(fixed);
  });
});
