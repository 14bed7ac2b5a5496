import type { CodeStore, CounterStore } from '@oauth-ro/core';
import type { CodeRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import type { StoreFactory, StoresUnderTest } from './types.js';
import { useStores } from './use-stores.js';

const T0 = 1_700_000_000_000;
const TTL = 180_000;
let sequence = 0;
const next = () => (sequence += 1);

/** A 64-hex hash unique to `n` (what core stores: an HMAC-SHA-256 in hex). */
const hashOf = (n: number, fill = 'c') => n.toString(16).padStart(64, fill);

/**
 * A code record for a fresh recipient: a live code with three tries.
 *
 * @example const { recipient, record } = makeCode();
 */
export function makeCode(overrides: Partial<CodeRecord> = {}): { connection: string; recipient: string; record: CodeRecord } {
  const n = next();
  return {
    connection: 'sms',
    recipient: `+1555${String(n).padStart(7, '0')}`,
    record: { code_hash: hashOf(n), expires_at: T0 + TTL, max_attempts: 3, ...overrides },
  };
}

function port<K extends 'codes' | 'counters'>(stores: StoresUnderTest, name: K): NonNullable<StoresUnderTest[K]> {
  const store = stores[name];
  if (!store) throw new Error(`this store set has no ${name}`);
  return store;
}

/** `CodeStore`: one code per recipient, single use, counted tries, expiry, withdrawal, atomic under races. */
export function codeStoreSuite(factory: StoreFactory): void {
  describe('CodeStore', () => {
    const stores = useStores(factory);
    const codes = (): CodeStore => port(stores.current, 'codes');

    it('answers absent when no code was issued', async () => {
      expect(await codes().consume('sms', '+15550100000', hashOf(1), T0)).toEqual({ outcome: 'absent' });
    });

    it('accepts the right code once, then it is spent', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'accepted' });
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('counts wrong tries and deletes the code at the third, so the right one comes too late', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      const wrong = hashOf(next(), 'd');
      expect(await codes().consume(connection, recipient, wrong, T0)).toEqual({ outcome: 'rejected', attempts_left: 2 });
      expect(await codes().consume(connection, recipient, wrong, T0)).toEqual({ outcome: 'rejected', attempts_left: 1 });
      expect(await codes().consume(connection, recipient, wrong, T0)).toEqual({ outcome: 'rejected', attempts_left: 0 });
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('accepts the right code after fewer wrong tries than the limit', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      await codes().consume(connection, recipient, hashOf(next(), 'd'), T0);
      await codes().consume(connection, recipient, hashOf(next(), 'd'), T0);
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'accepted' });
    });

    it('keeps only the newest code, with a fresh try count', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      await codes().consume(connection, recipient, hashOf(next(), 'd'), T0);
      await codes().consume(connection, recipient, hashOf(next(), 'd'), T0);
      const newer = { ...record, code_hash: hashOf(next(), 'e'), expires_at: T0 + 2 * TTL };
      await codes().issue(connection, recipient, newer);
      // The old code is just another wrong try now, the first one against the new code.
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'rejected', attempts_left: 2 });
      expect(await codes().consume(connection, recipient, newer.code_hash, T0 + TTL)).toEqual({ outcome: 'accepted' });
    });

    it('honours expires_at to the millisecond', async () => {
      const early = makeCode();
      await codes().issue(early.connection, early.recipient, early.record);
      expect(await codes().consume(early.connection, early.recipient, early.record.code_hash, T0 + TTL - 1)).toEqual({ outcome: 'accepted' });
      const late = makeCode();
      await codes().issue(late.connection, late.recipient, late.record);
      expect(await codes().consume(late.connection, late.recipient, late.record.code_hash, T0 + TTL)).toEqual({ outcome: 'absent' });
      expect(await codes().consume(late.connection, late.recipient, late.record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('keeps codes of other recipients and other connections apart', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      await codes().issue('sms-other', recipient, { ...record, code_hash: hashOf(next(), 'e') });
      expect(await codes().consume(connection, `${recipient}9`, record.code_hash, T0)).toEqual({ outcome: 'absent' });
      expect(await codes().consume('sms-other', recipient, record.code_hash, T0)).toEqual({ outcome: 'rejected', attempts_left: 2 });
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'accepted' });
    });

    it('withdraws a code only by its own hash', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      expect(await codes().revoke(connection, recipient, hashOf(next(), 'd'))).toBe(false);
      expect(await codes().revoke(connection, `${recipient}9`, record.code_hash)).toBe(false);
      expect(await codes().revoke(connection, recipient, record.code_hash)).toBe(true);
      expect(await codes().revoke(connection, recipient, record.code_hash)).toBe(false);
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('prunes codes that expired before the cut-off, and nothing else', async () => {
      const old = makeCode({ expires_at: T0 + 1000 });
      const edge = makeCode({ expires_at: T0 + 2000 });
      const live = makeCode({ expires_at: T0 + 3000 });
      for (const c of [old, edge, live]) await codes().issue(c.connection, c.recipient, c.record);
      expect(await codes().prune(T0 + 2000)).toBe(1);
      expect(await codes().prune(T0 + 2000)).toBe(0);
      expect(await codes().consume(live.connection, live.recipient, live.record.code_hash, T0)).toEqual({ outcome: 'accepted' });
      expect(await codes().consume(edge.connection, edge.recipient, edge.record.code_hash, T0)).toEqual({ outcome: 'accepted' });
    });

    it('counts fifty simultaneous wrong tries one by one: exactly three are counted, the rest find no code', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => codes().consume(connection, recipient, hashOf(1000 + i, 'f'), T0)));
      const rejected = results.filter((r) => r.outcome === 'rejected');
      expect(rejected.map((r) => (r.outcome === 'rejected' ? r.attempts_left : -1)).sort()).toEqual([0, 1, 2]);
      expect(results.filter((r) => r.outcome === 'absent')).toHaveLength(47);
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('check accepts the right code without spending it; consume then spends it once', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      expect(await codes().check(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'accepted' });
      expect(await codes().check(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'accepted' });
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'accepted' });
      expect(await codes().check(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('check counts a wrong try against the same limit as consume, and honours expiry', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      const wrong = hashOf(next(), 'd');
      expect(await codes().check(connection, recipient, wrong, T0)).toEqual({ outcome: 'rejected', attempts_left: 2 });
      expect(await codes().consume(connection, recipient, wrong, T0)).toEqual({ outcome: 'rejected', attempts_left: 1 });
      expect(await codes().check(connection, recipient, wrong, T0)).toEqual({ outcome: 'rejected', attempts_left: 0 });
      expect(await codes().check(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
      const late = makeCode();
      await codes().issue(late.connection, late.recipient, late.record);
      expect(await codes().check(late.connection, late.recipient, late.record.code_hash, T0 + TTL)).toEqual({ outcome: 'absent' });
      expect(await codes().consume(late.connection, late.recipient, late.record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('a link token redeemed by twenty racing consumers is accepted exactly once (checks racing alongside spend nothing)', async () => {
      const { connection, recipient, record } = makeCode({ code_hash: hashOf(next(), 'a') });
      await codes().issue(connection, recipient, record);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 4 === 0 ? codes().check(connection, recipient, record.code_hash, T0) : codes().consume(connection, recipient, record.code_hash, T0),
        ),
      );
      const consumed = results.filter((r, i) => i % 4 !== 0 && r.outcome === 'accepted');
      expect(consumed).toHaveLength(1);
      expect(results.every((r) => r.outcome === 'accepted' || r.outcome === 'absent')).toBe(true);
      expect(await codes().consume(connection, recipient, record.code_hash, T0)).toEqual({ outcome: 'absent' });
    });

    it('accepts the right code once when two tries race', async () => {
      const { connection, recipient, record } = makeCode();
      await codes().issue(connection, recipient, record);
      const results = await Promise.all([0, 1].map(() => codes().consume(connection, recipient, record.code_hash, T0)));
      expect(results.map((r) => r.outcome).sort()).toEqual(['absent', 'accepted']);
    });
  });
}

/** `CounterStore`: fixed windows, exact counts under races, get, reset, release and list. */
export function counterStoreSuite(factory: StoreFactory): void {
  describe('CounterStore', () => {
    const stores = useStores(factory);
    const counters = (): CounterStore => port(stores.current, 'counters');
    const key = () => `test:${next()}:203.0.113.9`;

    it('starts a window at the first increment and keeps it while counting', async () => {
      const k = key();
      expect(await counters().increment(k, 60_000, T0)).toEqual({ count: 1, resets_at: T0 + 60_000 });
      expect(await counters().increment(k, 60_000, T0 + 30_000)).toEqual({ count: 2, resets_at: T0 + 60_000 });
      expect(await counters().increment(k, 60_000, T0 + 59_999)).toEqual({ count: 3, resets_at: T0 + 60_000 });
    });

    it('starts again from one when the window has ended', async () => {
      const k = key();
      await counters().increment(k, 60_000, T0);
      await counters().increment(k, 60_000, T0 + 1);
      expect(await counters().increment(k, 60_000, T0 + 60_000)).toEqual({ count: 1, resets_at: T0 + 120_000 });
    });

    it('reads the live count, 0 for unknown keys and ended windows', async () => {
      const k = key();
      expect(await counters().get(k, T0)).toBe(0);
      await counters().increment(k, 60_000, T0);
      await counters().increment(k, 60_000, T0);
      expect(await counters().get(k, T0 + 59_999)).toBe(2);
      expect(await counters().get(k, T0 + 60_000)).toBe(0);
    });

    it('forgets a key on reset', async () => {
      const k = key();
      expect(await counters().reset(k)).toBe(false);
      await counters().increment(k, 60_000, T0);
      expect(await counters().reset(k)).toBe(true);
      expect(await counters().get(k, T0)).toBe(0);
      expect(await counters().increment(k, 60_000, T0 + 5)).toEqual({ count: 1, resets_at: T0 + 60_005 });
    });

    it('gives back one increment on release, never going below zero, keeping the window', async () => {
      const k = key();
      await counters().release(k);
      await counters().increment(k, 60_000, T0);
      await counters().increment(k, 60_000, T0);
      await counters().release(k);
      expect(await counters().get(k, T0 + 1)).toBe(1);
      await counters().release(k);
      await counters().release(k);
      expect(await counters().get(k, T0 + 1)).toBe(0);
      expect(await counters().increment(k, 60_000, T0 + 2)).toEqual({ count: 1, resets_at: T0 + 60_000 });
    });

    it('keeps keys apart', async () => {
      const [a, b] = [key(), key()];
      await counters().increment(a, 60_000, T0);
      await counters().increment(a, 60_000, T0);
      expect(await counters().increment(b, 60_000, T0)).toEqual({ count: 1, resets_at: T0 + 60_000 });
    });

    it('lists the live counters under a prefix, taken as plain text, with their counts and windows', async () => {
      const n = next();
      // Pattern characters of SQL LIKE and Redis globs, and ':' as in IPv6: all must match literally.
      const base = `list:${n}:a%_*?[x]\\:`;
      await counters().increment(`${base}1`, 60_000, T0);
      await counters().increment(`${base}1`, 60_000, T0);
      await counters().increment(`${base}2`, 30_000, T0);
      await counters().increment(`${base}ended`, 1_000, T0);
      await counters().increment(`list:${n}:aXY*?[x]\\:3`, 60_000, T0);
      await counters().increment(`list:${n}:a%_QQQx:5`, 60_000, T0);
      await counters().increment(`other:list:${n}:a%_*?[x]\\:4`, 60_000, T0);
      const listed = await counters().list(base, T0 + 1_000);
      expect(listed.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
        { key: `${base}1`, count: 2, resets_at: T0 + 60_000 },
        { key: `${base}2`, count: 1, resets_at: T0 + 30_000 },
      ]);
      expect(await counters().list(`list:${n}:nothing`, T0)).toEqual([]);
      await counters().reset(`${base}1`);
      expect((await counters().list(base, T0)).map((e) => e.key).sort()).toEqual([`${base}2`, `${base}ended`]);
    });

    it('lists a counter released to zero while its window lives, and none after it ends', async () => {
      const k = `list0:${next()}:x`;
      await counters().increment(k, 60_000, T0);
      await counters().release(k);
      expect(await counters().list(k, T0 + 1)).toEqual([{ key: k, count: 0, resets_at: T0 + 60_000 }]);
      expect(await counters().list(k, T0 + 60_000)).toEqual([]);
    });

    it('gives fifty simultaneous increments the counts 1 to 50, each once', async () => {
      const k = key();
      const results = await Promise.all(Array.from({ length: 50 }, () => counters().increment(k, 60_000, T0)));
      expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.resets_at))).toEqual(new Set([T0 + 60_000]));
    });

    it('prunes counters whose window ended before the cut-off, and nothing else (stores without prune expire them by themselves)', async (ctx) => {
      const store = counters();
      if (!store.prune) return ctx.skip();
      const base = `prune:${next()}:`;
      await store.increment(`${base}old`, 1_000, T0);
      await store.increment(`${base}edge`, 2_000, T0);
      await store.increment(`${base}live`, 3_000, T0);
      expect(await store.prune(T0 + 2_000)).toBe(1);
      expect(await store.prune(T0 + 2_000)).toBe(0);
      // Listed as of T0, when every window was live: only what was not deleted shows.
      expect((await store.list(base, T0)).map((e) => e.key).sort()).toEqual([`${base}edge`, `${base}live`]);
    });
  });
}
