import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { useMountedApp } from './use-mounted-app.js';

/** `/health/live` and `/health/ready` (per-check JSON), next to `/health`. */
export function healthProbesSuite(harness: AdapterHarness): void {
  describe('health probes', () => {
    const healthy = useMountedApp(harness, { readiness: { database: async () => {} } });
    const failing = useMountedApp(harness, {
      readiness: {
        database: async () => {},
        redis: async () => {
          throw new Error('redis: connect ECONNREFUSED');
        },
      },
    });

    it('answers /health/live with 200 {"status":"ok"}, never cached', async () => {
      const res = await failing.current.app.dispatch({ method: 'GET', path: '/health/live' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: 'ok' });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('answers /health/ready with 200 and each check when every check passes', async () => {
      const res = await healthy.current.app.dispatch({ method: 'GET', path: '/health/ready' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: 'ok', checks: { database: { status: 'ok' } } });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('answers /health/ready with 503, Retry-After and the failing check with its reason', async () => {
      const res = await failing.current.app.dispatch({ method: 'GET', path: '/health/ready' });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json).toEqual({
        status: 'unavailable',
        checks: { database: { status: 'ok' }, redis: { status: 'unavailable', reason: 'redis: connect ECONNREFUSED' } },
      });
    });

    it('answers /health?ready like /health/ready, and plain /health stays liveness', async () => {
      const ready = await failing.current.app.dispatch({ method: 'GET', path: '/health?ready' });
      expect(ready.status).toBe(503);
      expect(ready.json.checks.redis.status).toBe('unavailable');
      const live = await failing.current.app.dispatch({ method: 'GET', path: '/health' });
      expect(live.status).toBe(200);
    });

    it('counts 405s in /metrics under their route', async () => {
      await healthy.current.app.dispatch({ method: 'DELETE', path: '/health/live' });
      const res = await healthy.current.app.dispatch({ method: 'GET', path: '/metrics' });
      expect(res.text).toMatch(/oauth_ro_requests_total\{route="\/health\/live",method="DELETE",status="405"\} 1/);
    });

    it('answers a POST to a probe with the JSON 405', async () => {
      const res = await healthy.current.app.dispatch({ method: 'POST', path: '/health/ready', json: {} });
      expect(res.status).toBe(405);
      expect(res.json.error).toBeTypeOf('string');
    });
  });
}
