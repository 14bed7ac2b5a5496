import type { UsedAssertionStore } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';

/** Expired markers are swept on one call in this many (per instance). */
const SWEEP_EVERY = 256;

/**
 * Replay markers for Touch ID assertions in PostgreSQL. One statement decides: insert the key, or
 * take it over if its marker has expired by `at`; a live marker wins and the call returns false.
 * Expired markers are deleted now and then, so the table stays the size of the live window.
 *
 * @example const usedAssertions = createPostgresUsedAssertionStore(db);
 */
export function createPostgresUsedAssertionStore(db: Database): UsedAssertionStore {
  let calls = 0;
  return {
    async markUsed(key, expires_at, at) {
      if (++calls % SWEEP_EVERY === 0) await db.query('DELETE FROM used_assertions WHERE expires_at <= $1', [at]);
      const { rowCount } = await db.query(
        `INSERT INTO used_assertions (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE used_assertions.expires_at <= $3`,
        [key, expires_at, at],
      );
      return rowCount === 1;
    },

    async prune(before) {
      const { rowCount } = await db.query('DELETE FROM used_assertions WHERE expires_at < $1', [before]);
      return rowCount;
    },
  };
}
