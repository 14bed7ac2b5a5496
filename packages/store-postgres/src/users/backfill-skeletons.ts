import { identifierSkeleton } from '@oauth-ro/core/ports';
import type { Sql } from '../db/types.js';

/** Rows one round reads. */
const BATCH = 1000;

/**
 * Fills the skeleton columns of database users stored before they existed (migration 12), reading
 * only the rows the pending index holds, a batch at a time. A row whose skeleton another user of its
 * connection already has (two look-alikes that both signed up before) keeps NULL: both stay, and
 * no third can join them. Safe when several instances start at once. Returns how many were filled.
 *
 * @example await backfillSkeletons(tx); // 0 once done (run by runMigrations)
 */
export async function backfillSkeletons(db: Sql): Promise<number> {
  let filled = 0;
  let after = '';
  for (;;) {
    const { rows } = await db.query<{ user_id: string; email: string | null; username: string | null; email_skeleton: string | null; username_skeleton: string | null }>(
      `SELECT user_id, email, username, email_skeleton, username_skeleton FROM users
       WHERE strategy = 'auth0' AND ((email IS NOT NULL AND email_skeleton IS NULL) OR (username IS NOT NULL AND username_skeleton IS NULL))
         AND user_id > $1
       ORDER BY user_id LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      for (const [column, value, current] of [
        ['email_skeleton', row.email, row.email_skeleton],
        ['username_skeleton', row.username, row.username_skeleton],
      ] as const) {
        if (value === null || current !== null) continue;
        const skeleton = identifierSkeleton(value);
        // NOT EXISTS skips a look-alike pair; a race with another instance filling the same row is harmless.
        const { rowCount } = await db
          .query(
            `UPDATE users SET ${column} = $2 WHERE user_id = $1 AND ${column} IS NULL
               AND NOT EXISTS (SELECT 1 FROM users other WHERE other.connection = users.connection AND other.${column} = $2)`,
            [row.user_id, skeleton],
          )
          .catch(() => ({ rowCount: 0 }));
        filled += rowCount;
      }
    }
    if (rows.length < BATCH) return filled;
    after = rows.at(-1)!.user_id;
  }
}
