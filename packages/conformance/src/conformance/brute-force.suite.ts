import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const BLOCKED = {
  error: 'too_many_attempts',
  error_description: 'Your account has been blocked after multiple consecutive login attempts.',
};

/** docs/spec.md §3: 10 consecutive failures for one user from one IP → 429, even with the right password. */
export function bruteForceSuite(harness: AdapterHarness): void {
  describe('brute-force protection', () => {
    const ctx = useMountedApp(harness);
    const wrong = (username: string) => ctx.current.login({ username, password: 'Wrong-Password-1' });

    it('blocks after 10 consecutive failures, then refuses even the right password', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      for (let i = 0; i < 10; i++) expect((await wrong(email)).status).toBe(401);
      const blocked = await ctx.current.login({ username: email, password: GOOD_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.json).toEqual(BLOCKED);
    });

    it('lets exactly 10 of 50 parallel wrong tries be checked', async () => {
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      const results = await Promise.all(Array.from({ length: 50 }, () => wrong(email)));
      expect(results.filter((r) => r.status === 401)).toHaveLength(10);
      expect(results.filter((r) => r.status === 429)).toHaveLength(40);
    });

    it('counts unknown users too, and a success clears the count', async () => {
      const ghost = uniqueEmail('ghost');
      for (let i = 0; i < 10; i++) await wrong(ghost);
      expect((await wrong(ghost)).status).toBe(429);
      const email = uniqueEmail();
      await ctx.current.signup(email, GOOD_PASSWORD);
      for (let i = 0; i < 9; i++) await wrong(email);
      expect((await ctx.current.login({ username: email, password: GOOD_PASSWORD })).status).toBe(200);
      for (let i = 0; i < 9; i++) expect((await wrong(email)).status).toBe(401);
    });
  });
}
