import type { KeyStore, SigningKeyRecord } from '@oauth-ro/core/ports';
import type { Database, Sql } from '../db/types.js';
import { type KeyRow, rowToKey } from './row-to-key.js';

const COLUMNS = 'kid, alg, private_jwk, public_jwk, created_at, retired_at';

async function listKeys(sql: Sql): Promise<SigningKeyRecord[]> {
  const { rows } = await sql.query<KeyRow>(`SELECT ${COLUMNS} FROM signing_keys ORDER BY seq`);
  return rows.map(rowToKey);
}

async function insertKey(sql: Sql, key: SigningKeyRecord, onConflict: string): Promise<void> {
  await sql.query(`INSERT INTO signing_keys (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ${onConflict}`, [
    key.kid,
    key.alg,
    key.private_jwk,
    key.public_jwk,
    key.created_at,
    key.retired_at ?? null,
  ]);
}

/**
 * Signing keys in PostgreSQL. A partial unique index allows one unretired key per algorithm, so
 * `ensureActive` is a plain `INSERT … ON CONFLICT DO NOTHING`: when many instances start at once,
 * the first insert wins and every instance then loads that key. `rotate` serialises rotations of
 * one algorithm with a transaction-scoped advisory lock.
 *
 * @example const keys = createPostgresKeyStore(db);
 */
export function createPostgresKeyStore(db: Database): KeyStore {
  return {
    list: () => listKeys(db),

    async ensureActive(candidate: SigningKeyRecord) {
      await insertKey(db, { ...candidate, retired_at: undefined }, 'ON CONFLICT DO NOTHING');
      return listKeys(db);
    },

    rotate(candidate: SigningKeyRecord, retired_at: number) {
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`oauth-ro rotate ${candidate.alg}`]);
        await tx.query('UPDATE signing_keys SET retired_at = $2 WHERE alg = $1 AND retired_at IS NULL', [candidate.alg, retired_at]);
        await insertKey(tx, { ...candidate, retired_at: undefined }, '');
        return listKeys(tx);
      });
    },

    async prune(before: number) {
      const { rowCount } = await db.query('DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < $1', [before]);
      return rowCount;
    },
  };
}
