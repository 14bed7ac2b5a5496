import { columnsFromRecord, identifierSkeleton, type UserListOptions, type UserLookup, type UserPatch, type UserRecord, type UserStore } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';
import { rowToUser, type UserRow } from './row-to-user.js';

const COLUMNS = 'user_id, connection, strategy, email, username, phone_number, password_hash, blocked, profile, created_at, updated_at';
const LOOKUP_COLUMNS = { email: 'email', username: 'username', phone_number: 'phone_number' } as const;
const PATCH_COLUMNS = ['password_hash', 'blocked', 'profile', 'email', 'username', 'phone_number'] as const;

function values(user: UserRecord): unknown[] {
  return [
    ...Object.values({ ...columnsFromRecord(user, COLUMNS.split(', ') as (keyof UserRecord)[]), profile: JSON.stringify(user.profile) }),
    // The confusable skeletons (Unicode TS #39) a database user's identifiers are unique by.
    user.strategy === 'auth0' && user.email !== undefined ? identifierSkeleton(user.email) : null,
    user.strategy === 'auth0' && user.username !== undefined ? identifierSkeleton(user.username) : null,
  ];
}

/** Written columns: the record's and the two skeletons. */
const WRITTEN = `${COLUMNS}, email_skeleton, username_skeleton`;

/** What an upsert of an existing user overwrites: all but `user_id`, `created_at` and `blocked` (an administrator's block). */
const UPSERTED = ['connection', 'strategy', 'email', 'username', 'phone_number', 'email_skeleton', 'username_skeleton', 'password_hash', 'profile', 'updated_at'];
const UPSERT_SET = UPSERTED.map((column) => `${column} = excluded.${column}`).join(', ');

/**
 * Users in PostgreSQL. Login keys are unique per connection through partial unique indexes, so
 * `create` is one `INSERT … ON CONFLICT DO NOTHING` that either wins or reports `exists`, also when
 * two instances sign up the same address at the same instant.
 *
 * @example const users = createPostgresUserStore(db);
 */
export function createPostgresUserStore(db: Database): UserStore {
  return {
    async find(connection: string, lookup: UserLookup) {
      const [field, value] = Object.entries(lookup)[0] as [keyof typeof LOOKUP_COLUMNS, string];
      const column = LOOKUP_COLUMNS[field];
      const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE connection = $1 AND ${column} = $2`, [connection, value]);
      return rows[0] && rowToUser(rows[0]);
    },

    async findById(user_id: string) {
      const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE user_id = $1`, [user_id]);
      return rows[0] && rowToUser(rows[0]);
    },

    async create(user: UserRecord) {
      const { rowCount } = await db.query(
        `INSERT INTO users (${WRITTEN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
        values(user),
      );
      return rowCount === 1 ? { created: true as const } : { created: false as const, reason: 'exists' as const };
    },

    async createMany(users: readonly UserRecord[]) {
      if (users.length === 0) return [];
      // One statement, one commit. VALUES rows are inserted in order, so of two rows claiming one
      // id or login key the first lands and DO NOTHING skips the second, as two creates would.
      const params: unknown[] = [];
      const rows = users.map((user) => {
        const first = params.length;
        const row = values(user);
        params.push(...row);
        return `(${row.map((_, i) => `$${first + i + 1}`).join(', ')})`;
      });
      const { rows: inserted } = await db.query<{ user_id: string }>(
        `INSERT INTO users (${WRITTEN}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING user_id`,
        params,
      );
      const landed = new Set(inserted.map((row) => row.user_id));
      return users.map((user) =>
        landed.delete(user.user_id) ? { created: true as const } : { created: false as const, reason: 'exists' as const },
      );
    },

    async update(user_id: string, patch: UserPatch, updated_at: string) {
      // A field present in the patch (even as undefined, which clears it) is written; others are kept.
      const sets: string[] = [];
      const params: unknown[] = [user_id, updated_at];
      for (const column of PATCH_COLUMNS) {
        if (!Object.hasOwn(patch, column)) continue;
        const value = patch[column];
        params.push(column === 'profile' ? JSON.stringify(value ?? {}) : (value ?? null));
        sets.push(`${column} = $${params.length}`);
        if (column === 'email' || column === 'username') {
          // A new email or username brings its skeleton (database users only).
          params.push(typeof value === 'string' ? identifierSkeleton(value) : null);
          sets.push(`${column}_skeleton = CASE WHEN strategy = 'auth0' THEN $${params.length}::text END`);
        }
      }
      sets.push('updated_at = $2');
      const { rows } = await db.query<UserRow>(`UPDATE users SET ${sets.join(', ')} WHERE user_id = $1 RETURNING ${COLUMNS}`, params);
      return rows[0] && rowToUser(rows[0]);
    },

    async upsert(user: UserRecord) {
      // An existing user keeps its created_at and its administrator block.
      const { rows } = await db.query<UserRow>(
        `INSERT INTO users (${WRITTEN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (user_id) DO UPDATE SET ${UPSERT_SET}
         RETURNING ${COLUMNS}`,
        values(user),
      );
      return rowToUser(rows[0] as UserRow);
    },

    async delete(user_id: string) {
      const { rowCount } = await db.query('DELETE FROM users WHERE user_id = $1', [user_id]);
      return rowCount > 0;
    },

    async legacyHashes(connection: string) {
      // The same expression and condition as the partial index users_bcrypt_cost, so that it is used.
      const { rows } = await db.query<{ cost: string | null }>(
        "SELECT max(substr(password_hash, 5, 2)) AS cost FROM users WHERE connection = $1 AND password_hash ~ '^\\$2[aby]\\$'",
        [connection],
      );
      const cost = rows[0]?.cost ?? null;
      return cost === null ? {} : { bcryptCost: Number(cost) };
    },

    async list(options: UserListOptions) {
      // COLLATE "C": byte order whatever the database's collation, the order every store uses.
      const { rows } = await db.query<UserRow>(
        `SELECT ${COLUMNS} FROM users
         WHERE ($1::text IS NULL OR connection = $1) AND ($2::text IS NULL OR user_id COLLATE "C" > $2)
         ORDER BY user_id COLLATE "C" LIMIT $3`,
        [options.connection ?? null, options.after ?? null, options.limit],
      );
      return rows.map(rowToUser);
    },
  };
}
