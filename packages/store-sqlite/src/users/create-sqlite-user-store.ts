import { identifierSkeleton, type UserListOptions, type UserLookup, type UserPatch, type UserRecord, type UserStore } from '@oauth-ro/core/ports';
import { backfillSkeletons } from './backfill-skeletons.js';
import type Database from 'better-sqlite3';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { rowToUser, type UserRow, userToParams } from './row-to-user.js';

const COLUMNS = 'user_id, connection, strategy, email, username, phone_number, password_hash, blocked, profile, created_at, updated_at';
const VALUES = '@user_id, @connection, @strategy, @email, @username, @phone_number, @password_hash, @blocked, @profile, @created_at, @updated_at';
const LOOKUP_FIELDS = ['email', 'username', 'phone_number'] as const;
type LookupField = (typeof LOOKUP_FIELDS)[number];

/** Written columns: the record's, plus the skeletons of a database user's email and username. */
const WRITTEN = `${COLUMNS}, email_skeleton, username_skeleton`;
const WRITTEN_VALUES = `${VALUES}, @email_skeleton, @username_skeleton`;

/** What an upsert of an existing user overwrites: all but `user_id`, `created_at` and `blocked` (an administrator's block). */
const UPSERTED = ['connection', 'strategy', 'email', 'username', 'phone_number', 'email_skeleton', 'username_skeleton', 'password_hash', 'profile', 'updated_at'];
const UPSERT_SET = UPSERTED.map((column) => `${column} = excluded.${column}`).join(', ');

/** The confusable skeletons (Unicode TS #39) a database user's identifiers are unique by; NULL for others. */
function skeletonParams(user: Pick<UserRecord, 'strategy' | 'email' | 'username'>): { email_skeleton: string | null; username_skeleton: string | null } {
  const database = user.strategy === 'auth0';
  return {
    email_skeleton: database && user.email !== undefined ? identifierSkeleton(user.email) : null,
    username_skeleton: database && user.username !== undefined ? identifierSkeleton(user.username) : null,
  };
}

/** `CASE WHEN @set_x THEN @x ELSE x END` for each patchable column: one statement for every patch. */
const PATCHED = ['password_hash', 'blocked', 'profile', 'email', 'username', 'phone_number']
  .map((column) => `${column} = CASE WHEN @set_${column} THEN @${column} ELSE ${column} END`)
  .join(', ');

/** Named parameters of the update statement for `patch`. */
function patchParams(user_id: string, patch: UserPatch, updated_at: string): Record<string, unknown> {
  // A login key or password hash present in the patch, even as undefined, is written (undefined
  // clears it); `blocked` and `profile` cannot be cleared, so undefined leaves them as they are.
  const has = (field: keyof UserPatch) => Object.hasOwn(patch, field);
  return {
    user_id,
    updated_at,
    set_password_hash: has('password_hash') ? 1 : 0,
    password_hash: patch.password_hash ?? null,
    set_blocked: patch.blocked === undefined ? 0 : 1,
    blocked: patch.blocked ? 1 : 0,
    set_profile: patch.profile === undefined ? 0 : 1,
    profile: JSON.stringify(patch.profile ?? {}),
    set_email: has('email') ? 1 : 0,
    email: patch.email ?? null,
    set_username: has('username') ? 1 : 0,
    username: patch.username ?? null,
    set_phone_number: has('phone_number') ? 1 : 0,
    phone_number: patch.phone_number ?? null,
    email_skeleton: patch.email === undefined ? null : identifierSkeleton(patch.email),
    username_skeleton: patch.username === undefined ? null : identifierSkeleton(patch.username),
  };
}

/**
 * Users in SQLite. Every statement is prepared once here. Login keys are unique per connection
 * through unique indexes, so `create` is one INSERT that either lands whole or fails on a
 * uniqueness error, which becomes `exists`. An `update` or `upsert` that would take another
 * user's login key is refused by the same indexes and rejects, changing nothing.
 *
 * @example const users = createSqliteUserStore(db);
 */
export function createSqliteUserStore(db: Database.Database): UserStore {
  const findBy = Object.fromEntries(
    LOOKUP_FIELDS.map((field) => [field, db.prepare(`SELECT ${COLUMNS} FROM users WHERE connection = ? AND ${field} = ?`)]),
  ) as Record<LookupField, Database.Statement>;
  const findById = db.prepare(`SELECT ${COLUMNS} FROM users WHERE user_id = ?`);
  backfillSkeletons(db);
  const insert = db.prepare(`INSERT INTO users (${WRITTEN}) VALUES (${WRITTEN_VALUES})`);
  // A new email or username brings its skeleton (database users only).
  const update = db.prepare(
    `UPDATE users SET ${PATCHED},
       email_skeleton = CASE WHEN @set_email AND strategy = 'auth0' THEN @email_skeleton WHEN @set_email THEN NULL ELSE email_skeleton END,
       username_skeleton = CASE WHEN @set_username AND strategy = 'auth0' THEN @username_skeleton WHEN @set_username THEN NULL ELSE username_skeleton END,
       updated_at = @updated_at
     WHERE user_id = @user_id RETURNING ${COLUMNS}`,
  );
  // An existing user keeps its created_at and its administrator block.
  const upsert = db.prepare(
    `INSERT INTO users (${WRITTEN}) VALUES (${WRITTEN_VALUES})
     ON CONFLICT (user_id) DO UPDATE SET ${UPSERT_SET}
     RETURNING ${COLUMNS}`,
  );
  const remove = db.prepare('DELETE FROM users WHERE user_id = ?');
  // Keyset pagination on the primary key (BINARY collation: byte order of the UTF-8 text).
  const list = db.prepare(
    `SELECT ${COLUMNS} FROM users
     WHERE (@connection IS NULL OR connection = @connection) AND (@after IS NULL OR user_id > @after)
     ORDER BY user_id LIMIT @limit`,
  );

  // The same expression and condition as the partial index users_bcrypt_cost, so that it is used:
  // one step down the index (ORDER BY … LIMIT 1), however many legacy hashes remain.
  const bcryptCost = db.prepare(
    `SELECT substr(password_hash, 5, 2) AS cost FROM users WHERE connection = ? AND password_hash GLOB '$2[aby]$*'
     ORDER BY substr(password_hash, 5, 2) DESC LIMIT 1`,
  );

  const createOne = (user: UserRecord): { created: true } | { created: false; reason: 'exists' } => {
    try {
      insert.run({ ...userToParams(user), ...skeletonParams(user) });
      return { created: true };
    } catch (error) {
      if (isUniqueViolation(error)) return { created: false, reason: 'exists' };
      throw error;
    }
  };
  // A refused INSERT undoes only itself (SQLite's ABORT is per statement); the batch commits once.
  const createMany = db.transaction((users: readonly UserRecord[]) => users.map(createOne));

  const toUser = (row: unknown) => (row === undefined ? undefined : rowToUser(row as UserRow));

  return {
    async find(connection: string, lookup: UserLookup) {
      const [field, value] = Object.entries(lookup)[0] as [LookupField, string];
      const statement = findBy[field];
      if (!statement) throw new TypeError(`unknown lookup field ${String(field)}`);
      return toUser(statement.get(connection, value));
    },

    async findById(user_id: string) {
      return toUser(findById.get(user_id));
    },

    async create(user: UserRecord) {
      return createOne(user);
    },

    async createMany(users: readonly UserRecord[]) {
      return createMany(users);
    },

    async update(user_id: string, patch: UserPatch, updated_at: string) {
      return toUser(update.get(patchParams(user_id, patch, updated_at)));
    },

    async upsert(user: UserRecord) {
      return rowToUser(upsert.get({ ...userToParams(user), ...skeletonParams(user) }) as UserRow);
    },

    async delete(user_id: string) {
      return remove.run(user_id).changes > 0;
    },

    async legacyHashes(connection: string) {
      const row = bcryptCost.get(connection) as { cost: string } | undefined;
      return row === undefined ? {} : { bcryptCost: Number(row.cost) };
    },

    async list(options: UserListOptions) {
      const rows = list.all({ connection: options.connection ?? null, after: options.after ?? null, limit: options.limit });
      return rows.map((row) => rowToUser(row as UserRow));
    },
  };
}
