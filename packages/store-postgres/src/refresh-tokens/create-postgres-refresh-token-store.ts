import { refreshTokenSuccessor, type RefreshTokenRecord, type RefreshTokenRotation, type RefreshTokenStore, type RefreshTokenUse } from '@oauth-ro/core/ports';
import type { Database, Sql } from '../db/types.js';
import {
  REFRESH_TOKEN_COLUMNS as COLUMNS,
  refreshTokenValues,
  rowToRefreshToken,
  type RefreshTokenRow,
} from './row-to-refresh-token.js';

const INSERT = `INSERT INTO refresh_tokens (${COLUMNS}) VALUES (${COLUMNS.split(', ').map((_, i) => `$${i + 1}`).join(', ')})`;

async function insert(sql: Sql, record: RefreshTokenRecord): Promise<void> {
  await sql.query(INSERT, refreshTokenValues(record));
}

async function update(sql: Sql, id: string, set: string, values: unknown[]): Promise<RefreshTokenRecord> {
  const { rows } = await sql.query<RefreshTokenRow>(`UPDATE refresh_tokens SET ${set} WHERE id = $1 RETURNING ${COLUMNS}`, [id, ...values]);
  return rowToRefreshToken(rows[0] as RefreshTokenRow);
}

async function useLocked(
  tx: Sql,
  token_hash: string,
  client_id: string,
  at: number,
  rotation: RefreshTokenRotation | undefined,
  idle_expires_at: number | undefined,
): Promise<RefreshTokenUse> {
  // FOR UPDATE: instances racing on one token take turns, and the second sees the first's rotation.
  const { rows } = await tx.query<RefreshTokenRow>(`SELECT ${COLUMNS} FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`, [token_hash]);
  const row = rows[0];
  if (!row) return { outcome: 'invalid' };
  const record = rowToRefreshToken(row);
  // A rotated token's idle deadline no longer matters: presenting it is judged by the leeway (reuse).
  const idle = record.rotated_at === undefined && record.idle_expires_at !== undefined && record.idle_expires_at <= at;
  const expired = (record.expires_at !== undefined && record.expires_at <= at) || idle;
  if (record.revoked_at !== undefined || expired || record.client_id !== client_id) return { outcome: 'invalid' };

  if (record.rotated_at === undefined) {
    if (!rotation) {
      return { outcome: 'active', record: await update(tx, record.id, 'last_used_at = $2, idle_expires_at = $3', [at, idle_expires_at ?? null]) };
    }
    const successor = refreshTokenSuccessor(record, rotation, idle_expires_at);
    const updated = await update(tx, record.id, 'last_used_at = $2, rotated_at = $2', [at]);
    await insert(tx, successor);
    return { outcome: 'rotated', record: updated, successor };
  }

  if (rotation && at - record.rotated_at <= rotation.leeway_ms) {
    const successor = refreshTokenSuccessor(record, rotation, idle_expires_at);
    const updated = await update(tx, record.id, 'last_used_at = $2', [at]);
    await insert(tx, successor);
    return { outcome: 'rotated', record: updated, successor };
  }

  await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [record.family_id, at]);
  return { outcome: 'reused', record: { ...record, revoked_at: at } };
}

/**
 * Refresh tokens (by hash) in PostgreSQL. `use` runs in one transaction with the token's row
 * locked, so two instances presenting one token at once agree: one rotates it, the other sees it
 * rotated (and, past the leeway, revokes the family).
 *
 * @example const refreshTokens = createPostgresRefreshTokenStore(db);
 */
export function createPostgresRefreshTokenStore(db: Database): RefreshTokenStore {
  return {
    async create(record) {
      await insert(db, record);
    },

    async findByHash(token_hash) {
      const { rows } = await db.query<RefreshTokenRow>(`SELECT ${COLUMNS} FROM refresh_tokens WHERE token_hash = $1`, [token_hash]);
      return rows[0] && rowToRefreshToken(rows[0]);
    },

    use(token_hash, client_id, at, rotation, idle_expires_at) {
      return db.transaction((tx) => useLocked(tx, token_hash, client_id, at, rotation, idle_expires_at));
    },

    async revokeFamily(family_id, at) {
      const { rowCount } = await db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [family_id, at]);
      return rowCount;
    },

    async listByUser(user_id) {
      const { rows } = await db.query<RefreshTokenRow>(
        `SELECT ${COLUMNS} FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND rotated_at IS NULL ORDER BY created_at, seq`,
        [user_id],
      );
      return rows.map(rowToRefreshToken);
    },

    async prune(before) {
      // Idle deadlines end whole families: rotated members stay for reuse detection until every
      // member's deadline passed (the family's latest successor's is the last).
      const { rowCount } = await db.query(
        'DELETE FROM refresh_tokens WHERE (expires_at IS NOT NULL AND expires_at < $1) OR (revoked_at IS NOT NULL AND revoked_at < $1)' +
          ' OR family_id IN (SELECT f.family_id FROM refresh_tokens f WHERE f.idle_expires_at < $1 AND NOT EXISTS' +
          ' (SELECT 1 FROM refresh_tokens g WHERE g.family_id = f.family_id AND (g.idle_expires_at IS NULL OR g.idle_expires_at >= $1)))',
        [before],
      );
      return rowCount;
    },
  };
}
