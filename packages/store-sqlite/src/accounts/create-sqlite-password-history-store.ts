import type { PasswordHistoryStore } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

/**
 * Earlier password hashes in SQLite, newest first by insertion order; `add` inserts and trims to
 * `keep` in one transaction.
 *
 * @example const passwordHistory = createSqlitePasswordHistoryStore(db);
 */
export function createSqlitePasswordHistoryStore(db: Database.Database): PasswordHistoryStore {
  const recent = db.prepare('SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY seq DESC LIMIT ?');
  const insert = db.prepare('INSERT INTO password_history (user_id, password_hash, created_at) VALUES (?, ?, ?)');
  const trim = db.prepare(
    'DELETE FROM password_history WHERE user_id = ? AND seq NOT IN (SELECT seq FROM password_history WHERE user_id = ? ORDER BY seq DESC LIMIT ?)',
  );
  const forget = db.prepare('DELETE FROM password_history WHERE user_id = ?');
  const add = db.transaction((user_id: string, hash: string, at: number, keep: number) => {
    insert.run(user_id, hash, at);
    trim.run(user_id, user_id, Math.max(1, keep));
  });
  return {
    async recent(user_id, limit) {
      return (recent.all(user_id, limit) as { password_hash: string }[]).map((r) => r.password_hash);
    },
    async add(user_id, password_hash, at, keep) {
      add.immediate(user_id, password_hash, at, keep);
    },
    async forget(user_id) {
      forget.run(user_id);
    },
  };
}
