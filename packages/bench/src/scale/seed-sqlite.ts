import { openSqliteStores } from '@oauth-ro/store-sqlite';
import Database from 'better-sqlite3';
import { BENCH } from '../targets/bench-config.js';
import { SCALE_PROFILE, scaleUser } from './scale-users.js';

/**
 * Creates the oauth-ro schema in a new SQLite file (through the store, so its migrations run) and
 * inserts `size` database users in one transaction with one prepared statement, every row with the
 * same argon2id hash; skeletons are filled as the store would, so opening it backfills nothing.
 * Answers the seconds it took.
 *
 * @example const seconds = await seedSqlite('/tmp/x/oauth-ro.db', 1_000_000, hash);
 */
export async function seedSqlite(path: string, size: number, passwordHash: string): Promise<number> {
  const started = performance.now();
  const stores = await openSqliteStores(path);
  await stores.close();
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `INSERT INTO users (user_id, connection, strategy, email, password_hash, blocked, profile, created_at, updated_at, email_skeleton)
       VALUES (?, ?, 'auth0', ?, ?, 0, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    db.transaction(() => {
      for (let i = 0; i < size; i += 1) {
        const user = scaleUser(i);
        insert.run(user.user_id, BENCH.connection, user.email, passwordHash, SCALE_PROFILE, now, now, user.email_skeleton);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return (performance.now() - started) / 1000;
}
