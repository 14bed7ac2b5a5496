import { refreshTokenSuccessor, type RefreshTokenRotation, type RefreshTokenStore, type RefreshTokenUse } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';
import {
  REFRESH_TOKEN_COLUMNS as COLUMNS,
  refreshTokenParams,
  rowToRefreshToken,
  type RefreshTokenRow,
} from './row-to-refresh-token.js';

const VALUES = COLUMNS.split(', ').map((c) => `@${c}`).join(', ');

/**
 * Refresh tokens (by hash) in SQLite. `use` is one `BEGIN IMMEDIATE` transaction: the write lock is
 * taken before the token is read, so processes sharing the file present a token one at a time and
 * the second sees the first's rotation (and, past the leeway, revokes the family).
 *
 * @example const refreshTokens = createSqliteRefreshTokenStore(db);
 */
export function createSqliteRefreshTokenStore(db: Database.Database): RefreshTokenStore {
  const insert = db.prepare(`INSERT INTO refresh_tokens (${COLUMNS}) VALUES (${VALUES})`);
  const byHash = db.prepare(`SELECT ${COLUMNS} FROM refresh_tokens WHERE token_hash = ?`);
  const markUsed = db.prepare('UPDATE refresh_tokens SET last_used_at = ?, idle_expires_at = ? WHERE id = ?');
  const markRotated = db.prepare('UPDATE refresh_tokens SET last_used_at = @at, rotated_at = COALESCE(rotated_at, @at) WHERE id = @id');
  const revokeFamily = db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL');
  const byUser = db.prepare(
    `SELECT ${COLUMNS} FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL AND rotated_at IS NULL ORDER BY created_at, rowid`,
  );
  const prune = db.prepare(
    // Idle deadlines end whole families: rotated members stay for reuse detection until every
    // member's deadline passed (the family's latest successor's is the last).
    'DELETE FROM refresh_tokens WHERE (expires_at IS NOT NULL AND expires_at < @before) OR (revoked_at IS NOT NULL AND revoked_at < @before)' +
      ' OR family_id IN (SELECT f.family_id FROM refresh_tokens f WHERE f.idle_expires_at < @before AND NOT EXISTS' +
      ' (SELECT 1 FROM refresh_tokens g WHERE g.family_id = f.family_id AND (g.idle_expires_at IS NULL OR g.idle_expires_at >= @before)))',
  );

  const find = (token_hash: string) => {
    const row = byHash.get(token_hash) as RefreshTokenRow | undefined;
    return row && rowToRefreshToken(row);
  };

  const use = db.transaction(
    (
      token_hash: string,
      client_id: string,
      at: number,
      rotation: RefreshTokenRotation | undefined,
      idle_expires_at: number | undefined,
    ): RefreshTokenUse => {
      const record = find(token_hash);
      const expired =
        (record?.expires_at !== undefined && record.expires_at <= at) ||
        (record?.rotated_at === undefined && record?.idle_expires_at !== undefined && record.idle_expires_at <= at);
      if (!record || record.client_id !== client_id || record.revoked_at !== undefined || expired) return { outcome: 'invalid' };
      if (record.rotated_at !== undefined && !(rotation && at - record.rotated_at <= rotation.leeway_ms)) {
        revokeFamily.run(at, record.family_id);
        return { outcome: 'reused', record: find(token_hash)! };
      }
      if (!rotation) {
        markUsed.run(at, idle_expires_at ?? null, record.id);
        return { outcome: 'active', record: find(token_hash)! };
      }
      const successor = refreshTokenSuccessor(record, rotation, idle_expires_at);
      markRotated.run({ at, id: record.id });
      insert.run(refreshTokenParams(successor));
      return { outcome: 'rotated', record: find(token_hash)!, successor };
    },
  );

  return {
    async create(record) {
      insert.run(refreshTokenParams(record));
    },
    async findByHash(token_hash) {
      return find(token_hash);
    },
    async use(token_hash, client_id, at, rotation, idle_expires_at) {
      return use.immediate(token_hash, client_id, at, rotation, idle_expires_at);
    },
    async revokeFamily(family_id, at) {
      return revokeFamily.run(at, family_id).changes;
    },
    async listByUser(user_id) {
      return (byUser.all(user_id) as RefreshTokenRow[]).map(rowToRefreshToken);
    },
    async prune(before) {
      return prune.run({ before }).changes;
    },
  };
}
