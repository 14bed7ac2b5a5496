import { COUNTER_LIST_LIMIT, type CounterStore } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';

/** Ended windows are swept on one increment in this many (per instance). */
const SWEEP_EVERY = 256;

const INCREMENT = `INSERT INTO counters (key, count, resets_at) VALUES ($1, 1, $2::bigint + $3::bigint)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN counters.resets_at <= $2 THEN 1 ELSE counters.count + 1 END,
    resets_at = CASE WHEN counters.resets_at <= $2 THEN $2::bigint + $3::bigint ELSE counters.resets_at END
  RETURNING count, resets_at`;

/**
 * Fixed-window counters in PostgreSQL, the fallback when no Redis is configured. `increment` is one
 * `INSERT … ON CONFLICT DO UPDATE` that starts a new window or adds one, so increments from every
 * instance add up exactly. Slots (`acquire`, `settle`) are one call each of a function that takes
 * the key's advisory lock for the statement (migration 10), so they serialise per key across instances.
 *
 * @example const counters = createPostgresCounterStore(db);
 */
export function createPostgresCounterStore(db: Database): CounterStore {
  let calls = 0;
  return {
    async increment(key, window_ms, at) {
      if (++calls % SWEEP_EVERY === 0) await db.query('DELETE FROM counters WHERE resets_at <= $1', [at]);
      const { rows } = await db.query<{ count: number; resets_at: string }>(INCREMENT, [key, at, window_ms]);
      const row = rows[0]!;
      return { count: row.count, resets_at: Number(row.resets_at) };
    },

    async get(key, at) {
      const { rows } = await db.query<{ count: number }>('SELECT count FROM counters WHERE key = $1 AND resets_at > $2', [key, at]);
      return rows[0]?.count ?? 0;
    },

    async reset(key) {
      const { rowCount } = await db.query('DELETE FROM counters WHERE key = $1', [key]);
      return rowCount > 0;
    },
    async release(key) {
      await db.query('UPDATE counters SET count = count - 1 WHERE key = $1 AND count > 0', [key]);
    },

    async acquire(key, slot, limit, lease_ms, at) {
      const { rows } = await db.query<{ slot_outcome: 'granted' | 'blocked' | 'busy'; blocked_until: string | null }>(
        'SELECT slot_outcome, blocked_until FROM oauth_ro_acquire_slot($1, $2, $3, $4, $5)',
        [key, slot, limit, lease_ms, at],
      );
      const row = rows[0]!;
      if (row.slot_outcome === 'granted') return { granted: true };
      if (row.slot_outcome === 'blocked') return { granted: false, reason: 'blocked', resets_at: Number(row.blocked_until) };
      return { granted: false, reason: 'busy' };
    },

    async settle(key, slot, outcome, window_ms, at) {
      await db.query('SELECT oauth_ro_settle_slot($1, $2, $3, $4, $5)', [key, slot, outcome, window_ms, at]);
    },

    async list(prefix, at) {
      // starts_with compares plain text: no LIKE wildcards to escape in the prefix.
      const { rows } = await db.query<{ key: string; count: number; resets_at: string }>(
        'SELECT key, count, resets_at FROM counters WHERE starts_with(key, $1) AND resets_at > $2 LIMIT $3',
        [prefix, at, COUNTER_LIST_LIMIT],
      );
      return rows.map((r) => ({ key: r.key, count: r.count, resets_at: Number(r.resets_at) }));
    },

    async prune(before) {
      await db.query('DELETE FROM counter_slots WHERE expires_at < $1', [before]);
      const { rowCount } = await db.query('DELETE FROM counters WHERE resets_at < $1', [before]);
      return rowCount;
    },
  };
}
