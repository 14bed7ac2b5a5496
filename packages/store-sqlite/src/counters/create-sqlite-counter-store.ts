import { COUNTER_LIST_LIMIT, type CounterStore } from '@oauth-ro/core';
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
    async list(prefix, at) {
      return list.all({ prefix, at, limit: COUNTER_LIST_LIMIT }) as { key: string; count: number; resets_at: number }[];
    },
    async prune(before) {
      return prune.run(before).changes;
    },
  };
}
