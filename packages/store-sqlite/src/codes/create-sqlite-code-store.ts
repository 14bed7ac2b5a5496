import { constantTimeEqual, type CodeConsumption, type CodeStore } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

/** One issue in this many also deletes codes that expired a day ago or more. */
const SWEEP_EVERY = 256;

interface CodeRow {
  code_hash: string;
  expires_at: number;
  max_attempts: number;
  attempts: number;
}

/**
 * Passwordless codes in SQLite. `consume` is one `BEGIN IMMEDIATE` transaction: the write lock is
 * taken before the code is read, so processes sharing the file present codes one at a time; each
 * wrong try is counted and a right one is accepted once. Hashes are compared in constant time.
 * Codes that expired unused are swept on one issue in {@link SWEEP_EVERY} (per process).
 *
 * @example const codes = createSqliteCodeStore(db);
 */
export function createSqliteCodeStore(db: Database.Database): CodeStore {
  const upsert = db.prepare(
    `INSERT INTO passwordless_codes (connection, recipient, code_hash, expires_at, max_attempts, attempts)
     VALUES (@connection, @recipient, @code_hash, @expires_at, @max_attempts, 0)
     ON CONFLICT (connection, recipient) DO UPDATE SET
       code_hash = excluded.code_hash, expires_at = excluded.expires_at, max_attempts = excluded.max_attempts, attempts = 0`,
  );
  const select = db.prepare('SELECT code_hash, expires_at, max_attempts, attempts FROM passwordless_codes WHERE connection = ? AND recipient = ?');
  const remove = db.prepare('DELETE FROM passwordless_codes WHERE connection = ? AND recipient = ?');
  const countFailure = db.prepare('UPDATE passwordless_codes SET attempts = attempts + 1 WHERE connection = ? AND recipient = ?');
  const prune = db.prepare('DELETE FROM passwordless_codes WHERE expires_at < ?');
  let issues = 0;

  const present = db.transaction((connection: string, recipient: string, code_hash: string, at: number, keep: boolean): CodeConsumption => {
    const code = select.get(connection, recipient) as CodeRow | undefined;
    if (!code) return { outcome: 'absent' };
    if (code.expires_at <= at || code.attempts >= code.max_attempts) {
      remove.run(connection, recipient);
      return { outcome: 'absent' };
    }
    if (constantTimeEqual(code.code_hash, code_hash)) {
      if (!keep) remove.run(connection, recipient);
      return { outcome: 'accepted' };
    }
    const attempts_left = code.max_attempts - (code.attempts + 1);
    if (attempts_left <= 0) remove.run(connection, recipient);
    else countFailure.run(connection, recipient);
    return { outcome: 'rejected', attempts_left: Math.max(0, attempts_left) };
  });

  const revoke = db.transaction((connection: string, recipient: string, code_hash: string): boolean => {
    const code = select.get(connection, recipient) as CodeRow | undefined;
    if (!code || !constantTimeEqual(code.code_hash, code_hash)) return false;
    return remove.run(connection, recipient).changes > 0;
  });

  return {
    async issue(connection, recipient, record) {
      if (++issues % SWEEP_EVERY === 0) prune.run(record.expires_at - 86_400_000);
      upsert.run({ connection, recipient, code_hash: record.code_hash, expires_at: record.expires_at, max_attempts: record.max_attempts });
    },
    async consume(connection, recipient, code_hash, at) {
      return present.immediate(connection, recipient, code_hash, at, false);
    },
    async check(connection, recipient, code_hash, at) {
      return present.immediate(connection, recipient, code_hash, at, true);
    },
    async revoke(connection, recipient, code_hash) {
      return revoke.immediate(connection, recipient, code_hash);
    },
    async prune(before) {
      return prune.run(before).changes;
    },
  };
}
