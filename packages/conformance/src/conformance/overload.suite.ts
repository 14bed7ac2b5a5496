import { createArgon2Hasher, type Argon2Hasher } from '@oauth-ro/argon2';
import type { PasswordHasher } from '@oauth-ro/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ARGON2 } from '../fixtures/create-test-oauth-ro.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

/** A saturated hashing queue answers 503 with Retry-After, and the rest of the service keeps answering. */
export function overloadSuite(harness: AdapterHarness): void {
  describe('bounded password hashing', () => {
    let hasher: PasswordHasher;
    beforeAll(async () => {
      hasher = await createArgon2Hasher(TEST_ARGON2, { concurrency: 1, maxQueued: 1 });
    });
    const ctx = useMountedApp(harness, {
      get hasher() {
        return hasher;
      },
    });

    it('refuses logins beyond the queue with 503 temporarily_unavailable and Retry-After', async () => {
      const email = uniqueEmail();
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const results = await Promise.all(
        Array.from({ length: 8 }, () => ctx.current.login({ username: email, password: GOOD_PASSWORD })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 503), statuses.join()).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
      const refused = results.find((r) => r.status === 503);
      expect(refused?.json.error).toBe('temporarily_unavailable');
      expect(refused?.headers['retry-after']).toBe('1');
      const jwks = await ctx.current.app.dispatch({ method: 'GET', path: '/.well-known/jwks.json' });
      expect(jwks.status).toBe(200);
    });
  });

  describe('brute-force slots while password hashing is in overload', () => {
    // Hashes slow enough (tens of ms each) that four queued ones are still there when a fifth login
    // arrives; overload once more than two wait; nothing shed, so only the slot rule can refuse.
    let hasher: Argon2Hasher;
    beforeAll(async () => {
      hasher = await createArgon2Hasher(
        { memoryCost: 8192, timeCost: 8, parallelism: 1 },
        { concurrency: 1, overloadConcurrency: 1, maxQueued: 64, overloadWaiting: 2, lifoAfterMs: 1e9, shedAfterMs: 1e9 },
      );
    });
    const ctx = useMountedApp(harness, {
      get hasher() {
        return hasher;
      },
      ipLimits: { failedLoginsPerIp: 4 },
    });

    it("answers 503 at once, without waiting for a slot, when the address's slots are held by queued logins", async () => {
      const emails = Array.from({ length: 5 }, () => uniqueEmail('overload'));
      for (const email of emails) expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      // Four logins from one address take its four slots: one hashes, three wait (overload).
      const held = emails.slice(0, 4).map((username) => ctx.current.login({ username, password: GOOD_PASSWORD }));
      for (let i = 0; i < 500 && !hasher.overloaded(); i += 1) await new Promise((r) => setTimeout(r, 2));
      expect(hasher.overloaded()).toBe(true);
      const refused = await ctx.current.login({ username: emails[4], password: GOOD_PASSWORD });
      // Answered while the four are still queued: it did not wait for one of their slots.
      const { running, queued } = hasher.load();
      expect(running + queued).toBeGreaterThan(0);
      expect(refused.status).toBe(503);
      expect(refused.json).toMatchObject({ error: 'temporarily_unavailable', error_description: 'Too many logins in progress for this account or address; try again.' });
      expect(refused.headers['retry-after']).toBe('1');
      // The four are answered in full, and the refused login counted nothing: it logs in now.
      expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect((await ctx.current.login({ username: emails[4], password: GOOD_PASSWORD })).status).toBe(200);
    });

    it('lets a parallel guessing burst from one address have no more than its limit judged while hashing is in overload', async () => {
      const victim = uniqueEmail('victim');
      expect((await ctx.current.signup(victim, GOOD_PASSWORD)).status).toBe(200);
      // An attacker sends 12 wrong guesses at once: four take the address's slots and queue for hashing
      // (overload), the rest are refused without a password check.
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => ctx.current.login({ username: victim, password: `Wrong-Guess-${i}` })));
      const statuses = burst.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(4);
      expect(statuses.every((s) => s === 401 || s === 503 || s === 429), statuses.join()).toBe(true);
      // The four failures reached the address's limit: even the right password is refused now.
      const after = await ctx.current.login({ username: victim, password: GOOD_PASSWORD });
      expect(after.status).toBe(429);
      expect(after.json.error).toBe('too_many_requests');
    });
  });
}
