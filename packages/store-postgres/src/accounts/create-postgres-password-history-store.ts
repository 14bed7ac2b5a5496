import type { PasswordHistoryStore } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';

/**
 * Earlier password hashes in PostgreSQL, newest first by insertion order; `add` inserts and trims
 * to `keep` in one transaction.
 *
 * @example const passwordHistory = createPostgresPasswordHistoryStore(db);
 */
export function createPostgresPasswordHistoryStore(db: Database): PasswordHistoryStore {
  return {
    async recent(user_id, limit) {
      const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY seq DESC LIMIT $2', [user_id, limit]);
      return rows.map((r) => r.password_hash);
    },
    async add(user_id, password_hash, at, keep) {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO password_history (user_id, password_hash, created_at) VALUES ($1, $2, $3)', [user_id, password_hash, at]);
        await tx.query(
          'DELETE FROM password_history WHERE user_id = $1 AND seq NOT IN (SELECT seq FROM password_history WHERE user_id = $1 ORDER BY seq DESC LIMIT $2)',
          [user_id, Math.max(1, keep)],
        );
      });
    },
    async forget(user_id) {
      await db.query('DELETE FROM password_history WHERE user_id = $1', [user_id]);
    },
  };
}
