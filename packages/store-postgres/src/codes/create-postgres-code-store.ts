import { constantTimeEqual, type CodeConsumption, type CodeStore } from '@oauth-ro/core/ports';
import type { Database, Sql } from '../db/types.js';

interface CodeRow {
  code_hash: string;
  expires_at: string;
  max_attempts: number;
  attempts: number;
}

const DELETE = 'DELETE FROM passwordless_codes WHERE connection = $1 AND recipient = $2';

/** One issue in this many (per instance) also deletes codes that expired a day ago or more. */
const SWEEP_EVERY = 256;
const DAY_MS = 86_400_000;

async function consumeLocked(tx: Sql, connection: string, recipient: string, code_hash: string, at: number, keep: boolean): Promise<CodeConsumption> {
  // FOR UPDATE: racing tries on one code take turns, so each wrong one is counted.
  const { rows } = await tx.query<CodeRow>(
    'SELECT code_hash, expires_at, max_attempts, attempts FROM passwordless_codes WHERE connection = $1 AND recipient = $2 FOR UPDATE',
    [connection, recipient],
  );
  const code = rows[0];
  if (!code) return { outcome: 'absent' };
  if (Number(code.expires_at) <= at || code.attempts >= code.max_attempts) {
    await tx.query(DELETE, [connection, recipient]);
    return { outcome: 'absent' };
  }
  if (constantTimeEqual(code.code_hash, code_hash)) {
    if (!keep) await tx.query(DELETE, [connection, recipient]);
    return { outcome: 'accepted' };
  }
  const attempts_left = code.max_attempts - (code.attempts + 1);
  if (attempts_left <= 0) await tx.query(DELETE, [connection, recipient]);
  else await tx.query('UPDATE passwordless_codes SET attempts = attempts + 1 WHERE connection = $1 AND recipient = $2', [connection, recipient]);
  return { outcome: 'rejected', attempts_left: Math.max(0, attempts_left) };
}

/**
 * Passwordless codes (keyed hashes only) in PostgreSQL, the fallback when no Redis is configured.
 * `consume` locks the code's row for its transaction, so instances racing on one code count every
 * wrong try and accept a right one once. Codes that expired unused are swept now and then on issue.
 *
 * @example const codes = createPostgresCodeStore(db);
 */
export function createPostgresCodeStore(db: Database): CodeStore {
  let issues = 0;
  return {
    async issue(connection, recipient, record) {
      // Codes live minutes; anything expired a day before the newest expiry is certainly dead.
      if (++issues % SWEEP_EVERY === 0) await db.query('DELETE FROM passwordless_codes WHERE expires_at < $1', [record.expires_at - DAY_MS]);
      await db.query(
        `INSERT INTO passwordless_codes (connection, recipient, code_hash, expires_at, max_attempts, attempts)
         VALUES ($1, $2, $3, $4, $5, 0)
         ON CONFLICT (connection, recipient) DO UPDATE SET
           code_hash = excluded.code_hash, expires_at = excluded.expires_at, max_attempts = excluded.max_attempts, attempts = 0`,
        [connection, recipient, record.code_hash, record.expires_at, record.max_attempts],
      );
    },

    consume(connection, recipient, code_hash, at) {
      return db.transaction((tx) => consumeLocked(tx, connection, recipient, code_hash, at, false));
    },

    check(connection, recipient, code_hash, at) {
      return db.transaction((tx) => consumeLocked(tx, connection, recipient, code_hash, at, true));
    },

    async revoke(connection, recipient, code_hash) {
      const { rowCount } = await db.query(`${DELETE} AND code_hash = $3`, [connection, recipient, code_hash]);
      return rowCount > 0;
    },

    async prune(before) {
      const { rowCount } = await db.query('DELETE FROM passwordless_codes WHERE expires_at < $1', [before]);
      return rowCount;
    },
  };
}
