import { describe, expect, it } from 'vitest';
import { createBenchOAuthRo, type BenchOAuthRo } from './create-bench-oauth-ro.js';
import { benchRequests } from '../plan/bench-requests.js';

/** `GET /userinfo` with the target's access token, through core. */
const userinfoOf = (target: BenchOAuthRo) =>
  target.oauthRo.handle({
    method: 'GET',
    path: '/userinfo',
    headers: { authorization: `Bearer ${target.fixtures.accessToken}` },
    ip: '127.0.0.1',
  });

describe('createBenchOAuthRo', () => {
  it('gives fixtures every benchmarked path answers 200 with (a bench of errors measures nothing)', async () => {
    const target = await createBenchOAuthRo({ name: 'fastify' });
    try {
      const userinfo = await userinfoOf(target);
      expect(userinfo.status, userinfo.body).toBe(200);
      const { paths } = benchRequests('http://bench', target.fixtures);
      const delegation = paths.find((p) => p.name === 'POST /delegation');
      expect(delegation).toBeDefined();
      const res = await target.oauthRo.handle({
        method: 'POST',
        path: '/delegation',
        headers: { 'content-type': 'application/json' },
        rawBody: delegation!.request.body as string,
        ip: '127.0.0.1',
      });
      expect(res.status, res.body).toBe(200);
    } finally {
      await target.oauthRo.close();
      await target.close();
    }
  });

  // Section 5 runs the same target on each store; a store missing a port core requires (the counters
  // of brute-force protection) failed its start there and left the section empty.
  it.each(['sqlite', 'postgres'] as const)('starts as deployed on %s, and answers /userinfo', async (store) => {
    const target = await createBenchOAuthRo({ name: 'fastify', store });
    try {
      const userinfo = await userinfoOf(target);
      expect(userinfo.status, userinfo.body).toBe(200);
    } finally {
      await target.oauthRo.close();
      await target.close();
    }
  });
});
