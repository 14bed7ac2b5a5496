import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { useMountedApp } from './use-mounted-app.js';

/** JWKS, discovery, health. */
export function discoverySuite(harness: AdapterHarness): void {
  describe('JWKS, discovery and health', () => {
    const ctx = useMountedApp(harness);

    it('publishes public keys only, each with kid and alg', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      expect(res.status).toBe(200);
      expect(res.json.keys.length).toBeGreaterThan(0);
      for (const key of res.json.keys) {
        expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
        expect(key.kid).toBeTypeOf('string');
        for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(secret);
      }
    });

    it('lets JWKS and openid-configuration be cached for five minutes, without a contradicting Pragma', async () => {
      for (const path of ['/.well-known/jwks.json', '/.well-known/openid-configuration']) {
        const res = await ctx.current.app.dispatch({ method: 'GET', path });
        expect(res.headers['cache-control']).toBe('public, max-age=300');
        expect(res.headers.pragma).toBeUndefined();
        expect(res.headers['content-type']).toMatch(/^application\/json/);
      }
    });

    it('describes the issuer in openid-configuration', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/openid-configuration' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        issuer: 'https://auth.test.example/',
        jwks_uri: 'https://auth.test.example/.well-known/jwks.json',
        userinfo_endpoint: 'https://auth.test.example/userinfo',
      });
      expect(res.json.id_token_signing_alg_values_supported).toEqual(expect.arrayContaining(['RS256', 'HS256']));
    });

    it('answers /health', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/health' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: 'ok' });
    });

    it('exposes request and login counters as Prometheus text at /metrics', async () => {
      await ctx.current.login({ username: 'nobody@example.com', password: 'Wrong-Password-1' });
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/metrics' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('oauth_ro_logins_total{connection="Username-Password-Authentication",outcome="invalid_user_password"} 1');
      expect(res.text).toMatch(/oauth_ro_requests_total\{route="\/oauth\/ro",method="POST",status="401"\} 1/);
      expect(res.text).toContain('# TYPE oauth_ro_login_duration_seconds histogram');
    });

    it('answers a wrong method with a JSON 405', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/oauth/ro' });
      expect(res.status).toBe(405);
      expect(res.json.error).toBe('invalid_request');
    });
  });
}
