import { COUNTER_LIST_LIMIT, type CounterStore, type SlotGrant } from '@oauth-ro/core';
import type { Database, Sql } from '../db/types.js';

/** Ended windows are swept on one increment in this many (per instance). */
const SWEEP_EVERY = 256;

const INCREMENT = `INSERT INTO counters (key, count, resets_at) VALUES ($1, 1, $2::bigint + $3::bigint)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN counters.resets_at <= $2 THEN 1 ELSE counters.count + 1 END,
    resets_at = CASE WHEN counters.resets_at <= $2 THEN $2::bigint + $3::bigint ELSE counters.resets_at END
  RETURNING count, resets_at`;

/**
 * Serialises every slot operation on one key for the rest of the transaction, across instances
 * (the counter row may not exist yet, so a row lock would not do).
 */
async function lockKey(tx: Sql, key: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('oauth-ro:counter:' || $1, 0))", [key]);
}

/**
 * Fixed-window counters in PostgreSQL, the fallback when no Redis is configured. `increment` is one
 * `INSERT … ON CONFLICT DO UPDATE` that starts a new window or adds one, so increments from every
 * instance add up exactly.
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
      return db.transaction(async (tx): Promise<SlotGrant> => {
        await lockKey(tx, key);
        const live = (await tx.query<{ count: number; resets_at: string }>('SELECT count, resets_at FROM counters WHERE key = $1 AND resets_at > $2', [key, at])).rows[0];
        const failures = live?.count ?? 0;
        if (live && failures >= limit) return { granted: false, reason: 'blocked', resets_at: Number(live.resets_at) };
        await tx.query('DELETE FROM counter_slots WHERE key = $1 AND expires_at <= $2', [key, at]);
        const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM counter_slots WHERE key = $1', [key]);
        if (failures + (rows[0]?.n ?? 0) >= limit) return { granted: false, reason: 'busy' };
        await tx.query(
          'INSERT INTO counter_slots (key, slot, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key, slot) DO UPDATE SET expires_at = EXCLUDED.expires_at',
          [key, slot, at + lease_ms],
        );
        return { granted: true };
      });
    },

    async settle(key, slot, outcome, window_ms, at) {
      await db.transaction(async (tx) => {
        await lockKey(tx, key);
        await tx.query('DELETE FROM counter_slots WHERE key = $1 AND slot = $2', [key, slot]);
        if (outcome === 'failure') await tx.query(INCREMENT, [key, at, window_ms]);
        else if (outcome === 'success') await tx.query('DELETE FROM counters WHERE key = $1', [key]);
      });
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
