import type { UsedAssertionStore } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

/**
 * Used Touch ID assertions in SQLite: one upsert that only takes over an expired entry, so of
 * several processes presenting one assertion exactly one gets `true`. Expired entries are swept
 * every 1000 calls.
 *
 * @example const usedAssertions = createSqliteUsedAssertionStore(db);
 */
export function createSqliteUsedAssertionStore(db: Database.Database): UsedAssertionStore {
  const mark = db.prepare(
    `INSERT INTO used_assertions (key, expires_at) VALUES (@key, @expires_at)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE used_assertions.expires_at <= @at`,
  );
  const sweep = db.prepare('DELETE FROM used_assertions WHERE expires_at <= ?');
  const prune = db.prepare('DELETE FROM used_assertions WHERE expires_at < ?');
  let calls = 0;

  return {
    async markUsed(key, expires_at, at) {
      calls += 1;
      if (calls % 1000 === 0) sweep.run(at);
      return mark.run({ key, expires_at, at }).changes === 1;
    },
    async prune(before) {
      return prune.run(before).changes;
    },
  };
}
