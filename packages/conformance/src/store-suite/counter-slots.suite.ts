import type { CounterStore } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const T0 = 1_700_000_000_000;
const WINDOW = 60_000;
const LEASE = 30_000;
let sequence = 0;
const key = () => `bf:slots:${(sequence += 1)}:2001%3Adb8%3A%3A`;

/**
 * `CounterStore.acquire`/`settle`: slots for attempts in flight, so that at most `limit` failures
 * are ever judged however many attempts race, and no attempt is refused merely because others
 * are in flight.
 */
export function counterSlotsSuite(factory: StoreFactory): void {
  describe('CounterStore slots', () => {
    const stores = useStores(factory);
    const counters = (): CounterStore => {
      if (!stores.current.counters) throw new Error('this store set has no counters');
      return stores.current.counters;
    };

    it('grants at most `limit` slots to 150 attempts racing, and none beyond while they are in flight', async () => {
      const k = key();
      const grants = await Promise.all(Array.from({ length: 150 }, (_, i) => counters().acquire(k, `s${i}`, 10, LEASE, T0)));
      expect(grants.filter((g) => g.granted)).toHaveLength(10);
      expect(grants.filter((g) => !g.granted && g.reason === 'busy')).toHaveLength(140);
      expect(await counters().get(k, T0)).toBe(0);
    });

    it('a failure counts and keeps the slot taken until settled; a void frees it without counting', async () => {
      const k = key();
      expect(await counters().acquire(k, 'a', 2, LEASE, T0)).toEqual({ granted: true });
      expect(await counters().acquire(k, 'b', 2, LEASE, T0)).toEqual({ granted: true });
      expect(await counters().acquire(k, 'c', 2, LEASE, T0)).toEqual({ granted: false, reason: 'busy' });
      await counters().settle(k, 'a', 'void', WINDOW, T0 + 1);
      expect(await counters().get(k, T0 + 1)).toBe(0);
      expect(await counters().acquire(k, 'c', 2, LEASE, T0 + 2)).toEqual({ granted: true });
      await counters().settle(k, 'b', 'failure', WINDOW, T0 + 3);
      expect(await counters().get(k, T0 + 3)).toBe(1);
      // one failure + one in flight = the limit of 2
      expect(await counters().acquire(k, 'd', 2, LEASE, T0 + 4)).toEqual({ granted: false, reason: 'busy' });
      await counters().settle(k, 'c', 'failure', WINDOW, T0 + 5);
      expect(await counters().acquire(k, 'd', 2, LEASE, T0 + 6)).toEqual({ granted: false, reason: 'blocked', resets_at: T0 + 3 + WINDOW });
    });

    it('a success forgets the failures but not the other slots in flight', async () => {
      const k = key();
      await counters().acquire(k, 'a', 3, LEASE, T0);
      await counters().settle(k, 'a', 'failure', WINDOW, T0);
      await counters().acquire(k, 'b', 3, LEASE, T0);
      await counters().acquire(k, 'c', 3, LEASE, T0);
      await counters().settle(k, 'b', 'success', WINDOW, T0 + 1);
      expect(await counters().get(k, T0 + 1)).toBe(0);
      // c still in flight: two more fit under the limit of 3, not three
      expect(await counters().acquire(k, 'd', 3, LEASE, T0 + 2)).toEqual({ granted: true });
      expect(await counters().acquire(k, 'e', 3, LEASE, T0 + 2)).toEqual({ granted: true });
      expect(await counters().acquire(k, 'f', 3, LEASE, T0 + 2)).toEqual({ granted: false, reason: 'busy' });
    });

    it('a slot never settled (its instance died) is free again when its lease ends', async () => {
      const k = key();
      expect(await counters().acquire(k, 'lost', 1, LEASE, T0)).toEqual({ granted: true });
      expect(await counters().acquire(k, 'next', 1, LEASE, T0 + LEASE - 1)).toEqual({ granted: false, reason: 'busy' });
      expect(await counters().acquire(k, 'next', 1, LEASE, T0 + LEASE)).toEqual({ granted: true });
    });

    it('the failure window starts at the first failure and ends as increment windows do', async () => {
      const k = key();
      await counters().acquire(k, 'a', 1, LEASE, T0);
      await counters().settle(k, 'a', 'failure', WINDOW, T0 + 10);
      expect(await counters().acquire(k, 'b', 1, LEASE, T0 + 10 + WINDOW - 1)).toEqual({ granted: false, reason: 'blocked', resets_at: T0 + 10 + WINDOW });
      expect(await counters().acquire(k, 'b', 1, LEASE, T0 + 10 + WINDOW)).toEqual({ granted: true });
      expect(await counters().list(k, T0 + 10)).toEqual([{ key: k, count: 1, resets_at: T0 + 10 + WINDOW }]);
    });

    it('keeps keys apart', async () => {
      const [a, b] = [key(), key()];
      await counters().acquire(a, 's', 1, LEASE, T0);
      expect(await counters().acquire(b, 's', 1, LEASE, T0)).toEqual({ granted: true });
    });
  });
}
