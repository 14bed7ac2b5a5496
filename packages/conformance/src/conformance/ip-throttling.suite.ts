import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** Throttles per IP across users: failed logins (suspicious IP) and sign-ups. */
export function ipThrottlingSuite(harness: AdapterHarness): void {
  describe('per-IP throttling', () => {
    const ctx = useMountedApp(harness, { ipLimits: { failedLoginsPerIp: 5, signupsPerIp: 3 } });

    it('throttles an IP after many failures across different users, before any password work', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      for (let i = 0; i < 5; i++) {
        expect((await ctx.current.login({ username: uniqueEmail('spray'), password: 'Wrong-Password-1' })).status).toBe(401);
      }
      const res = await ctx.current.login({ username: email, password: GOOD_PASSWORD });
      expect(res.status).toBe(429);
      expect(res.json.error).toBe('too_many_requests');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('throttles sign-ups per IP with 429 and Retry-After', async () => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await ctx.current.signup(uniqueEmail('burst'), GOOD_PASSWORD));
      const statuses = results.map((r) => r.status);
      // One sign-up was spent by the first test; the budget is 3 an hour.
      expect(statuses).toEqual([200, 200, 429, 429, 429]);
      expect(results[4]!.json.error).toBe('too_many_requests');
      expect(Number(results[4]!.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
}
