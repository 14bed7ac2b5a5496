import { identifierSkeleton } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

/**
 * Fills the skeleton columns of database users stored before they existed (migration 9), reading
 * only the rows the pending index holds. A row whose skeleton another user of its connection
 * already has (two look-alikes that both signed up before) keeps NULL: both stay, and no third
 * can join them. Returns how many rows were filled.
 *
 * @example backfillSkeletons(db); // 0 once done
 */
export function backfillSkeletons(db: Database.Database): number {
  const pending = db.prepare(
    `SELECT user_id, email, username FROM users INDEXED BY users_skeleton_pending
     WHERE strategy = 'auth0' AND ((email IS NOT NULL AND email_skeleton IS NULL) OR (username IS NOT NULL AND username_skeleton IS NULL))`,
  );
  const setEmail = db.prepare('UPDATE OR IGNORE users SET email_skeleton = ? WHERE user_id = ?');
  const setUsername = db.prepare('UPDATE OR IGNORE users SET username_skeleton = ? WHERE user_id = ?');
  let filled = 0;
  db.transaction(() => {
    for (const row of pending.all() as { user_id: string; email: string | null; username: string | null }[]) {
      if (row.email !== null) filled += setEmail.run(identifierSkeleton(row.email), row.user_id).changes;
      if (row.username !== null) setUsername.run(identifierSkeleton(row.username), row.user_id);
    }
  })();
  return filled;
}
