import { COUNTER_LIST_LIMIT, type CounterStore, type SlotGrant, type SlotOutcome } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

/** Ended windows are swept on one increment in this many (per process). */
const SWEEP_EVERY = 256;

/**
 * Fixed-window counters in SQLite. `increment` is a single `INSERT … ON CONFLICT DO UPDATE …
 * RETURNING` statement, atomic on its own, so increments from every process sharing the file add up
 * exactly.
 *
 * @example const counters = createSqliteCounterStore(db);
 */
export function createSqliteCounterStore(db: Database.Database): CounterStore {
  const increment = db.prepare(
    `INSERT INTO counters (key, count, resets_at) VALUES (@key, 1, @at + @window_ms)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN counters.resets_at <= @at THEN 1 ELSE counters.count + 1 END,
       resets_at = CASE WHEN counters.resets_at <= @at THEN @at + @window_ms ELSE counters.resets_at END
     RETURNING count, resets_at`,
  );
  const get = db.prepare('SELECT count FROM counters WHERE key = ? AND resets_at > ?');
  const reset = db.prepare('DELETE FROM counters WHERE key = ?');
  const release = db.prepare('UPDATE counters SET count = count - 1 WHERE key = ? AND count > 0');
  const sweep = db.prepare('DELETE FROM counters WHERE resets_at <= ?');
  const prune = db.prepare('DELETE FROM counters WHERE resets_at < ?');
  // substr compares plain text: no LIKE wildcards to escape in the prefix.
  const list = db.prepare('SELECT key, count, resets_at FROM counters WHERE substr(key, 1, length(@prefix)) = @prefix AND resets_at > @at LIMIT @limit');
  const liveCount = db.prepare('SELECT count, resets_at FROM counters WHERE key = ? AND resets_at > ?');
  const dropEndedSlots = db.prepare('DELETE FROM counter_slots WHERE key = ? AND expires_at <= ?');
  const slotsInFlight = db.prepare('SELECT count(*) AS n FROM counter_slots WHERE key = ?');
  const takeSlot = db.prepare('INSERT OR REPLACE INTO counter_slots (key, slot, expires_at) VALUES (?, ?, ?)');
  const freeSlot = db.prepare('DELETE FROM counter_slots WHERE key = ? AND slot = ?');
  const pruneSlots = db.prepare('DELETE FROM counter_slots WHERE expires_at < ?');
  // IMMEDIATE: the write lock is taken before the read, so two processes cannot both see a free slot.
  const acquire = db.transaction((key: string, slot: string, limit: number, lease_ms: number, at: number): SlotGrant => {
    const live = liveCount.get(key, at) as { count: number; resets_at: number } | undefined;
    const failures = live?.count ?? 0;
    if (live && failures >= limit) return { granted: false, reason: 'blocked', resets_at: live.resets_at };
    dropEndedSlots.run(key, at);
    const { n } = slotsInFlight.get(key) as { n: number };
    if (failures + n >= limit) return { granted: false, reason: 'busy' };
    takeSlot.run(key, slot, at + lease_ms);
    return { granted: true };
  });
  const settle = db.transaction((key: string, slot: string, outcome: SlotOutcome, window_ms: number, at: number) => {
    freeSlot.run(key, slot);
    if (outcome === 'failure') increment.get({ key, at, window_ms });
    else if (outcome === 'success') reset.run(key);
  });
  let calls = 0;

  return {
    async increment(key, window_ms, at) {
      if (++calls % SWEEP_EVERY === 0) sweep.run(at);
      const row = increment.get({ key, at, window_ms }) as { count: number; resets_at: number };
      return { count: row.count, resets_at: row.resets_at };
    },
    async get(key, at) {
      return (get.get(key, at) as { count: number } | undefined)?.count ?? 0;
    },
    async reset(key) {
      return reset.run(key).changes > 0;
    },
    async release(key) {
      release.run(key);
    },
    async acquire(key, slot, limit, lease_ms, at) {
      return acquire.immediate(key, slot, limit, lease_ms, at);
    },
    async settle(key, slot, outcome, window_ms, at) {
      settle.immediate(key, slot, outcome, window_ms, at);
    },
    async list(prefix, at) {
      return list.all({ prefix, at, limit: COUNTER_LIST_LIMIT }) as { key: string; count: number; resets_at: number }[];
    },
    async prune(before) {
      pruneSlots.run(before);
      return prune.run(before).changes;
    },
  };
}
