import type { MfaEnrollmentStore, UsedAssertionStore } from '@oauth-ro/core';
import type { MfaEnrollmentRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const T0 = 1_700_000_000_000;
let sequence = 0;

/** A pending enrolment of `user_id` (a fresh one each call). */
function makeEnrollment(user_id: string, overrides: Partial<MfaEnrollmentRecord> = {}): MfaEnrollmentRecord {
  sequence += 1;
  return {
    id: `totp|dev_suite${sequence}`,
    user_id,
    type: 'authenticator',
    status: 'pending',
    sealed_secret: `sealed-${sequence}`,
    created_at: T0 + sequence,
    ...overrides,
  };
}

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

/**
 * The `MfaEnrollmentStore` port: one pending and one confirmed enrolment per user, atomic
 * confirmation (20 racing → one), single-use recovery codes (20 racing swaps → one), deletion and
 * pruning of abandoned pending enrolments.
 */
export function mfaEnrollmentStoreSuite(factory: StoreFactory): void {
  describe('MfaEnrollmentStore', () => {
    const stores = useStores(factory);
    const mfa = (): MfaEnrollmentStore => {
      const store = stores.current.mfaEnrollments;
      if (!store) throw new Error('this store set has no mfaEnrollments');
      return store;
    };

    it('keeps every field of a pending enrolment and replaces the user\'s earlier pending one', async () => {
      const first = makeEnrollment('auth0|u1', { name: 'Phone' });
      await mfa().put(first);
      expect(await mfa().get(first.id)).toEqual(first);
      const second = makeEnrollment('auth0|u1');
      await mfa().put(second);
      expect(await mfa().get(first.id)).toBeUndefined();
      expect(await mfa().listByUser('auth0|u1')).toEqual([second]);
      expect(await mfa().listByUser('auth0|other')).toEqual([]);
    });

    it('confirms a pending enrolment once, replacing the earlier confirmed one, and keeps it when re-enrolling', async () => {
      const old = makeEnrollment('auth0|u2');
      await mfa().put(old);
      expect(await mfa().confirm(old.id, T0 + 100, HASH_A)).toBe(true);
      expect(await mfa().confirm(old.id, T0 + 101, HASH_B)).toBe(false);
      expect(await mfa().get(old.id)).toEqual({ ...old, status: 'confirmed', confirmed_at: T0 + 100, recovery_code_hash: HASH_A });
      const next = makeEnrollment('auth0|u2');
      await mfa().put(next);
      expect((await mfa().listByUser('auth0|u2')).map((e) => [e.id, e.status])).toEqual([[old.id, 'confirmed'], [next.id, 'pending']]);
      expect(await mfa().confirm(next.id, T0 + 200, HASH_B)).toBe(true);
      expect(await mfa().get(old.id)).toBeUndefined();
      expect(await mfa().listByUser('auth0|u2')).toEqual([{ ...next, status: 'confirmed', confirmed_at: T0 + 200, recovery_code_hash: HASH_B }]);
      expect(await mfa().confirm('totp|dev_unknown', T0, HASH_C)).toBe(false);
    });

    it('confirms for exactly one of 20 parallel confirmations', async () => {
      const record = makeEnrollment('auth0|u3');
      await mfa().put(record);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => mfa().confirm(record.id, T0 + i, HASH_A)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await mfa().listByUser('auth0|u3')).filter((e) => e.status === 'confirmed')).toHaveLength(1);
    });

    it('swaps a recovery code only from its current hash, once under 20 racing uses; unconditionally for an administrator', async () => {
      const record = makeEnrollment('auth0|u4');
      await mfa().put(record);
      expect(await mfa().swapRecoveryCode(record.id, undefined, HASH_B)).toBe(false); // pending: no recovery code yet
      await mfa().confirm(record.id, T0, HASH_A);
      expect(await mfa().swapRecoveryCode(record.id, HASH_C, HASH_B)).toBe(false);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => mfa().swapRecoveryCode(record.id, HASH_A, `${i}`.padStart(64, 'd'))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await mfa().swapRecoveryCode(record.id, undefined, HASH_C)).toBe(true);
      expect((await mfa().get(record.id))?.recovery_code_hash).toBe(HASH_C);
    });

    it('records the last authentication, deletes one or all of a user\'s, and prunes old pending enrolments only', async () => {
      const confirmed = makeEnrollment('auth0|u5', { created_at: T0 - 10_000 });
      await mfa().put(confirmed);
      await mfa().confirm(confirmed.id, T0, HASH_A);
      await mfa().touch(confirmed.id, T0 + 5);
      expect((await mfa().get(confirmed.id))?.last_auth_at).toBe(T0 + 5);
      const stale = makeEnrollment('auth0|u6', { created_at: T0 - 1 });
      const fresh = makeEnrollment('auth0|u7', { created_at: T0 + 1 });
      await mfa().put(stale);
      await mfa().put(fresh);
      expect(await mfa().prunePending(T0)).toBe(1);
      expect(await mfa().get(stale.id)).toBeUndefined();
      expect(await mfa().get(confirmed.id)).toBeDefined();
      expect(await mfa().get(fresh.id)).toBeDefined();
      expect(await mfa().delete(fresh.id)).toBe(true);
      expect(await mfa().delete(fresh.id)).toBe(false);
      await mfa().put(makeEnrollment('auth0|u5'));
      expect(await mfa().deleteByUser('auth0|u5')).toBe(2);
      expect(await mfa().listByUser('auth0|u5')).toEqual([]);
    });
  });
}

/**
 * TOTP replay markers in the `UsedAssertionStore` (`mfa:<enrolment id>:<step>`, docs/spec.md §5.9):
 * a step is accepted once while its marker lives (20 racing → one), other steps and enrolments are
 * apart, and the marker frees the key once it expired.
 */
export function totpReplayMarkerSuite(factory: StoreFactory): void {
  describe('UsedAssertionStore: TOTP replay markers', () => {
    const stores = useStores(factory);
    const used = (): UsedAssertionStore => {
      const store = stores.current.usedAssertions;
      if (!store) throw new Error('this store set has no usedAssertions');
      return store;
    };
    const step = Math.floor(T0 / 30_000);
    const expiresOf = (s: number) => (s + 2) * 30_000;

    it('accepts one step of one enrolment once, even under 20 parallel attempts', async () => {
      const key = `mfa:totp|dev_marker1:${step}`;
      const results = await Promise.all(Array.from({ length: 20 }, () => used().markUsed(key, expiresOf(step), T0)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await used().markUsed(key, expiresOf(step), T0 + 29_000)).toBe(false);
    });

    it('keeps steps and enrolments apart, and frees a marker after it expired', async () => {
      expect(await used().markUsed(`mfa:totp|dev_marker2:${step}`, expiresOf(step), T0)).toBe(true);
      expect(await used().markUsed(`mfa:totp|dev_marker2:${step + 1}`, expiresOf(step + 1), T0)).toBe(true);
      expect(await used().markUsed(`mfa:totp|dev_marker3:${step}`, expiresOf(step), T0)).toBe(true);
      expect(await used().markUsed(`mfa:totp|dev_marker2:${step}`, expiresOf(step), expiresOf(step) + 1)).toBe(true);
    });
  });
}
