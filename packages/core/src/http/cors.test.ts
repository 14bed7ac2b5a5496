import { describe, expect, it } from 'vitest';
import { prepareCorsPolicy } from './cors-policy.js';
import { withCors, type MatchedRoute } from './cors.js';
import type { ClientConfig } from '../config/types.js';
import type { OAuthRequest, OAuthResponse } from './types.js';

const policy = prepareCorsPolicy([]);
const jwksRoute: MatchedRoute = { pattern: '/.well-known/jwks.json', methods: { GET: () => undefined } };
const healthRoute: MatchedRoute = { pattern: '/health', methods: { GET: () => undefined } };
const get = (headers: Record<string, string> = {}): OAuthRequest => ({ method: 'GET', path: '/.well-known/jwks.json', headers, ip: '' });
const answer = (headers: Record<string, string>): OAuthResponse => ({ status: 200, headers, body: '{}' });

describe('withCors', () => {
  it('adds Origin to a Vary the handler set, and leaves one that names it already', () => {
    const added = withCors(policy, get(), jwksRoute, () => answer({ vary: 'Accept-Encoding' })) as OAuthResponse;
    expect(added.headers.vary).toBe('Accept-Encoding, Origin');
    const kept = withCors(policy, get(), jwksRoute, () => answer({ vary: 'Accept, origin' })) as OAuthResponse;
    expect(kept.headers.vary).toBe('Accept, origin');
  });

  it('answers at once when the route does, and with a promise when it waits', async () => {
    const now = withCors(policy, get(), jwksRoute, () => answer({}));
    expect(now).not.toBeInstanceOf(Promise);
    expect((now as OAuthResponse).headers).toEqual({ vary: 'Origin' });
    const later = withCors(policy, get(), jwksRoute, () => Promise.resolve(answer({})));
    expect(later).toBeInstanceOf(Promise);
    expect((await later).headers).toEqual({ vary: 'Origin' });
  });

  it('varies a frozen answer once and hands out the same frozen copy, leaving the original untouched', () => {
    const cached = Object.freeze(answer(Object.freeze({ 'content-type': 'application/json' })));
    const first = withCors(policy, get(), jwksRoute, () => cached) as OAuthResponse;
    const second = withCors(policy, get(), jwksRoute, () => cached) as OAuthResponse;
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.headers)).toBe(true);
    expect(first.headers).toEqual({ 'content-type': 'application/json', vary: 'Origin' });
    expect(cached.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('shares the varied copy of a frozen header set between answers, each with its own body', () => {
    const shared = Object.freeze({ 'content-type': 'application/json' });
    const a = withCors(policy, get(), jwksRoute, () => ({ status: 200, headers: shared, body: '{"a":1}' })) as OAuthResponse;
    const b = withCors(policy, get(), jwksRoute, () => ({ status: 401, headers: shared, body: '{"b":2}' })) as OAuthResponse;
    expect(a.headers).toBe(b.headers);
    expect([a.status, a.body, b.status, b.body]).toEqual([200, '{"a":1}', 401, '{"b":2}']);
    expect(shared).toEqual({ 'content-type': 'application/json' });
  });

  it('builds fresh headers for an answer whose headers may change, and for a request with an Origin', () => {
    const own = { 'content-type': 'application/json' };
    const varied = withCors(policy, get(), jwksRoute, () => answer(own)) as OAuthResponse;
    expect(varied.headers).not.toBe(own);
    expect(own).toEqual({ 'content-type': 'application/json' });
    const shared = Object.freeze({ 'content-type': 'application/json' });
    const fromOrigin = withCors(policy, get({ origin: 'https://unlisted.example' }), jwksRoute, () => answer(shared)) as OAuthResponse;
    expect(fromOrigin.headers).toEqual({ 'content-type': 'application/json', vary: 'Origin' });
    expect(fromOrigin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('passes answers on other routes through untouched', () => {
    const plain = answer({ 'content-type': 'application/json' });
    expect(withCors(policy, get(), healthRoute, () => plain)).toBe(plain);
  });

  it('never hands the grant one origin got to a request from another origin, or from none, on a cached answer', () => {
    const listing = prepareCorsPolicy([{ client_id: 'spa', allowed_origins: ['https://app.example'] } as unknown as ClientConfig]);
    const cached = Object.freeze(answer(Object.freeze({ 'content-type': 'application/json' })));
    const granted = withCors(listing, get({ origin: 'https://app.example' }), jwksRoute, () => cached) as OAuthResponse;
    expect(granted.headers['access-control-allow-origin']).toBe('https://app.example');
    for (const headers of [{ origin: 'https://evil.example' }, {}, { origin: 'https://app.example.evil.example' }, { origin: 'null' }]) {
      const other = withCors(listing, get(headers), jwksRoute, () => cached) as OAuthResponse;
      expect(other.headers['access-control-allow-origin'], JSON.stringify(headers)).toBeUndefined();
      expect(other.headers['access-control-allow-credentials']).toBeUndefined();
      expect(other.headers.vary).toBe('Origin');
    }
    expect(cached.headers).toEqual({ 'content-type': 'application/json' });
  });
});
