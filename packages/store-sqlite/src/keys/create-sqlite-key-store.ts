import type { KeyStore, SigningKeyRecord } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';
import { type KeyRow, rowToKey } from './row-to-key.js';

const COLUMNS = 'kid, alg, private_jwk, public_jwk, created_at, retired_at';

/** Named parameters for inserting `key` as the active key of its algorithm. */
function activeParams(key: SigningKeyRecord) {
  return { kid: key.kid, alg: key.alg, private_jwk: key.private_jwk, public_jwk: key.public_jwk, created_at: key.created_at };
}

/**
 * Signing keys in SQLite. `ensureActive` and `rotate` each run in one `BEGIN IMMEDIATE`
 * transaction: the write lock is taken before looking, so of several processes starting on one
 * file, the first inserts its candidate and the others wait, then see that key and keep it. A
 * partial unique index (one unretired key per algorithm) backs this at the schema level.
 *
 * @example const keys = createSqliteKeyStore(db);
 */
export function createSqliteKeyStore(db: Database.Database): KeyStore {
  // rowid order is insertion order: oldest key first, as the other stores list them.
  const list = db.prepare(`SELECT ${COLUMNS} FROM signing_keys ORDER BY rowid`);
  const insertIfNoActive = db.prepare(
    `INSERT INTO signing_keys (${COLUMNS})
     SELECT @kid, @alg, @private_jwk, @public_jwk, @created_at, NULL
     WHERE NOT EXISTS (SELECT 1 FROM signing_keys WHERE alg = @alg AND retired_at IS NULL)`,
  );
  const retireActive = db.prepare('UPDATE signing_keys SET retired_at = ? WHERE alg = ? AND retired_at IS NULL');
  const insertActive = db.prepare(
    `INSERT INTO signing_keys (${COLUMNS}) VALUES (@kid, @alg, @private_jwk, @public_jwk, @created_at, NULL)`,
  );
  const prune = db.prepare('DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < ?');

  const listKeys = () => (list.all() as KeyRow[]).map(rowToKey);
  const ensureActive = db.transaction((candidate: SigningKeyRecord) => {
    insertIfNoActive.run(activeParams(candidate));
    return listKeys();
  });
  const rotate = db.transaction((candidate: SigningKeyRecord, retired_at: number) => {
    retireActive.run(retired_at, candidate.alg);
    insertActive.run(activeParams(candidate));
    return listKeys();
  });

  return {
    async list() {
      return listKeys();
    },
    async ensureActive(candidate: SigningKeyRecord) {
      return ensureActive.immediate(candidate);
    },
    async rotate(candidate: SigningKeyRecord, retired_at: number) {
      return rotate.immediate(candidate, retired_at);
    },
    async prune(before: number) {
      return prune.run(before).changes;
    },
  };
}
