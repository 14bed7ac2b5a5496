import { createArgon2Hasher } from '@oauth-ro/argon2';
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
}
