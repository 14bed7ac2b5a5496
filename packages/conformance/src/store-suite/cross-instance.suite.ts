import type { CodeStore, CounterStore } from '@oauth-ro/core';
import { pruneExpired } from '@oauth-ro/core/admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RIGHT = 'a'.repeat(64);
const WRONG = 'b'.repeat(64);

/** Several instances of one deployment, each with its own connections to the same shared store. */
export interface SharedStoreInstances {
  readonly instances: ReadonlyArray<{ readonly codes: CodeStore; readonly counters: CounterStore }>;
  close(): Promise<void>;
}

/**
 * Codes and counters used from five instances at once (PostgreSQL, Redis): races across connections
 * must resolve exactly as they do within one process.
 *
 * @example describeCrossInstanceSuite('Redis', () => openFiveRedisInstances());
 */
export function describeCrossInstanceSuite(name: string, open: () => Promise<SharedStoreInstances>): void {
  let shared: SharedStoreInstances;
  let pools: SharedStoreInstances['instances'];
  beforeAll(async () => {
    shared = await open();
    pools = shared.instances;
    if (pools.length !== 5) throw new Error('the cross-instance suite expects five instances');
  });
  afterAll(() => shared?.close());

  describe(`${name}: code store across instances`, () => {
    it('fifty wrong tries racing from five instances: three are counted against the code, the rest find none', async () => {
      await pools[0]!.codes.issue('sms', '+15550100001', { code_hash: RIGHT, expires_at: 10_000, max_attempts: 3 });
      const tries = Array.from({ length: 50 }, (_, i) => pools[i % 5]!.codes.consume('sms', '+15550100001', WRONG, 1000));
      const results = await Promise.all(tries);
      const rejected = results.filter((r) => r.outcome === 'rejected');
      expect(rejected.map((r) => (r.outcome === 'rejected' ? r.attempts_left : -1)).sort()).toEqual([0, 1, 2]);
      expect(results.filter((r) => r.outcome === 'absent')).toHaveLength(47);
      expect(await pools[0]!.codes.consume('sms', '+15550100001', RIGHT, 1000)).toEqual({ outcome: 'absent' });
    });

    it('a right code presented by five instances at once is accepted once', async () => {
      await pools[0]!.codes.issue('sms', '+15550100002', { code_hash: RIGHT, expires_at: 10_000, max_attempts: 3 });
      const results = await Promise.all(pools.map((p) => p.codes.consume('sms', '+15550100002', RIGHT, 1000)));
      expect(results.filter((r) => r.outcome === 'accepted')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'absent')).toHaveLength(4);
    });

    it('only the newest code counts; an expired one is absent; revoke spares a newer code; prune removes expired ones', async () => {
      const codes = pools[0]!.codes;
      await codes.issue('email', 'a@example.com', { code_hash: WRONG, expires_at: 10_000, max_attempts: 3 });
      await codes.issue('email', 'a@example.com', { code_hash: RIGHT, expires_at: 10_000, max_attempts: 3 });
      expect(await codes.revoke('email', 'a@example.com', WRONG)).toBe(false);
      expect(await pools[1]!.codes.consume('email', 'a@example.com', RIGHT, 10_000)).toEqual({ outcome: 'absent' });
      await codes.issue('email', 'b@example.com', { code_hash: RIGHT, expires_at: 5_000, max_attempts: 3 });
      await codes.issue('email', 'c@example.com', { code_hash: RIGHT, expires_at: 50_000, max_attempts: 3 });
      expect(await codes.prune(6_000)).toBe(1);
      expect(await codes.revoke('email', 'c@example.com', RIGHT)).toBe(true);
    });
  });

  describe(`${name}: counter store across instances`, () => {
    it('a hundred increments from five instances at once add up to a hundred', async () => {
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => pools[i % 5]!.counters.increment('bf:u:ip', 60_000, 1000)));
      expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.resets_at))).toEqual(new Set([61_000]));
      expect(await pools[3]!.counters.get('bf:u:ip', 1000)).toBe(100);
    });

    it('150 slot requests from five instances at once: exactly the limit is granted, then failures block', async () => {
      const grants = await Promise.all(Array.from({ length: 150 }, (_, i) => pools[i % 5]!.counters.acquire('sip:race', `s${i}`, 100, 30_000, 1000)));
      expect(grants.filter((g) => g.granted)).toHaveLength(100);
      await Promise.all(grants.map((g, i) => (g.granted ? pools[i % 5]!.counters.settle('sip:race', `s${i}`, 'failure', 60_000, 1000) : undefined)));
      expect(await pools[2]!.counters.get('sip:race', 1000)).toBe(100);
      expect(await pools[4]!.counters.acquire('sip:race', 'late', 100, 30_000, 1000)).toEqual({ granted: false, reason: 'blocked', resets_at: 61_000 });
    });

    it('a window that ended starts again from one; reset forgets the key', async () => {
      const counters = pools[0]!.counters;
      expect(await counters.increment('w', 1000, 0)).toEqual({ count: 1, resets_at: 1000 });
      expect(await counters.increment('w', 1000, 999)).toEqual({ count: 2, resets_at: 1000 });
      expect(await counters.get('w', 1000)).toBe(0);
      expect(await counters.increment('w', 1000, 1000)).toEqual({ count: 1, resets_at: 2000 });
      expect(await counters.reset('w')).toBe(true);
      expect(await counters.reset('w')).toBe(false);
      expect(await counters.get('w', 1500)).toBe(0);
    });

    it('pruneExpired run by five instances at once deletes each ended code and counter exactly once', async () => {
      // Records that ended before 600; every other test's records end later, so the counts are exact.
      for (let i = 0; i < 20; i += 1) {
        await pools[0]!.codes.issue('sms', `+1555020${String(i).padStart(4, '0')}`, { code_hash: RIGHT, expires_at: 100 + i, max_attempts: 3 });
        await pools[0]!.counters.increment(`prune-race:${i}`, 100, i);
      }
      await pools[0]!.counters.increment('prune-race:live', 60_000, 0);
      const sweep = (p: (typeof pools)[number]) => pruneExpired({ clock: { now: () => 600 }, codes: p.codes, counters: p.counters }, { graceMs: 0 });
      const reports = await Promise.all(pools.map(sweep));
      const total = (store: 'codes' | 'counters') => reports.reduce((sum, r) => sum + (r.pruned[store] ?? 0), 0);
      expect(reports.flatMap((r) => r.failed)).toEqual([]);
      expect(total('codes')).toBe(20);
      // Stores without CounterStore.prune (Redis) let their keys expire by themselves.
      expect(total('counters')).toBe(pools[0]!.counters.prune ? 20 : 0);
      expect((await pools[1]!.counters.list('prune-race:live', 0)).map((e) => e.count)).toEqual([1]);
    });

    it('keeps epoch-millisecond windows exact', async () => {
      const now = 1_767_225_600_123;
      expect(await pools[0]!.counters.increment('big', 3_600_000, now)).toEqual({ count: 1, resets_at: now + 3_600_000 });
    });
  });
}
