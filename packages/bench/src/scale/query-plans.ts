import Database from 'better-sqlite3';
import { withPostgres } from './seed-postgres.js';

/** One statement of the login path and how the store's database plans it. */
export interface QueryPlan {
  readonly query: string;
  readonly sql: string;
  /** The plan as the database prints it, one line a step. */
  readonly plan: string[];
  /**
   * A step that reads a whole table for want of an index (SQLite `SCAN t`; PostgreSQL `Seq Scan` that
   * stays when sequential scans are priced out, see {@link postgresQueryPlans}).
   */
  readonly fullScan: boolean;
}

interface Statement {
  readonly query: string;
  readonly sqlite: string;
  readonly postgres: string;
  readonly params: readonly unknown[];
}

const USER_COLUMNS = 'user_id, connection, strategy, email, username, phone_number, password_hash, blocked, profile, created_at, updated_at';

/**
 * The statements a password login (and the refresh token it may issue or redeem) runs on the user,
 * counter and refresh-token tables, as written in packages/store-sqlite and packages/store-postgres
 * (`create-*-user-store.ts`, `create-*-counter-store.ts`, `create-*-refresh-token-store.ts`), plus the
 * hourly sweep's deletes. Core's login writes nothing back to the user (there is no last-login column).
 */
const STATEMENTS: readonly Statement[] = [
  {
    query: 'user by email (login)',
    sqlite: `SELECT ${USER_COLUMNS} FROM users WHERE connection = ? AND email = ?`,
    postgres: `SELECT ${USER_COLUMNS} FROM users WHERE connection = $1 AND email = $2`,
    params: ['Username-Password-Authentication', 'user0500000@scale.example'],
  },
  {
    query: 'user by username (login)',
    sqlite: `SELECT ${USER_COLUMNS} FROM users WHERE connection = ? AND username = ?`,
    postgres: `SELECT ${USER_COLUMNS} FROM users WHERE connection = $1 AND username = $2`,
    params: ['Username-Password-Authentication', 'someone'],
  },
  {
    query: 'user by id (/userinfo, token issue)',
    sqlite: `SELECT ${USER_COLUMNS} FROM users WHERE user_id = ?`,
    postgres: `SELECT ${USER_COLUMNS} FROM users WHERE user_id = $1`,
    params: ['auth0|scale0000000000000500000'],
  },
  {
    query: 'user update by id (password rehash on login)',
    sqlite: 'UPDATE users SET password_hash = ?, updated_at = ? WHERE user_id = ?',
    postgres: 'UPDATE users SET password_hash = $1, updated_at = $2 WHERE user_id = $3',
    params: ['x', '2026-01-01T00:00:00.000Z', 'auth0|scale0000000000000500000'],
  },
  {
    query: 'brute-force counter read',
    sqlite: 'SELECT count FROM counters WHERE key = ? AND resets_at > ?',
    postgres: 'SELECT count FROM counters WHERE key = $1 AND resets_at > $2',
    params: ['k', 0],
  },
  {
    query: 'brute-force counter reset (successful login)',
    sqlite: 'DELETE FROM counters WHERE key = ?',
    postgres: 'DELETE FROM counters WHERE key = $1',
    params: ['k'],
  },
  {
    query: 'attempt slots in flight',
    sqlite: 'SELECT count(*) AS n FROM counter_slots WHERE key = ?',
    postgres: 'SELECT count(*) AS n FROM counter_slots WHERE key = $1',
    params: ['k'],
  },
  {
    query: 'attempt slot freed',
    sqlite: 'DELETE FROM counter_slots WHERE key = ? AND slot = ?',
    postgres: 'DELETE FROM counter_slots WHERE key = $1 AND slot = $2',
    params: ['k', 's'],
  },
  {
    query: 'refresh token by hash',
    sqlite: 'SELECT * FROM refresh_tokens WHERE token_hash = ?',
    postgres: 'SELECT * FROM refresh_tokens WHERE token_hash = $1',
    params: ['h'],
  },
  {
    query: 'refresh token used',
    sqlite: 'UPDATE refresh_tokens SET last_used_at = ?, idle_expires_at = ? WHERE id = ?',
    postgres: 'UPDATE refresh_tokens SET last_used_at = $1, idle_expires_at = $2 WHERE id = $3',
    params: [0, 0, 'id'],
  },
  {
    query: 'refresh token family revoked (reuse)',
    sqlite: 'UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
    postgres: 'UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL',
    params: [0, 'f'],
  },
  {
    query: "a user's live refresh tokens (device)",
    sqlite: 'SELECT * FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL AND rotated_at IS NULL ORDER BY created_at, rowid',
    postgres: 'SELECT * FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND rotated_at IS NULL ORDER BY created_at, seq',
    params: ['auth0|scale0000000000000500000'],
  },
  {
    query: 'sweep: ended counters',
    sqlite: 'DELETE FROM counters WHERE resets_at < ?',
    postgres: 'DELETE FROM counters WHERE resets_at < $1',
    params: [0],
  },
];

/**
 * `EXPLAIN QUERY PLAN` of every login-path statement in the SQLite file at `path`.
 *
 * @example const plans = sqliteQueryPlans('/tmp/x/oauth-ro.db');
 */
export function sqliteQueryPlans(path: string): QueryPlan[] {
  const db = new Database(path, { readonly: true });
  try {
    return STATEMENTS.map((s) => {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${s.sqlite}`).all(...s.params) as { detail: string }[];
      const plan = rows.map((row) => row.detail);
      // `SCAN t` reads the table; `SEARCH t USING …` and `SCAN t USING … INDEX` for a one-row key do not.
      const fullScan = plan.some((line) => /^SCAN \w+( AS \w+)?$/.test(line));
      return { query: s.query, sql: s.sqlite, plan, fullScan };
    });
  } finally {
    db.close();
  }
}

/**
 * `EXPLAIN` of every login-path statement in `schema` (after ANALYZE), each in a transaction that is
 * rolled back.
 *
 * @example const plans = await postgresQueryPlans('oauth_ro_scale_1000000');
 */
export async function postgresQueryPlans(schema: string): Promise<QueryPlan[]> {
  return withPostgres(schema, async (client) => {
    await client.query('ANALYZE');
    const plans: QueryPlan[] = [];
    const explain = async (s: Statement) =>
      (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${s.postgres}`, [...s.params])).rows.map((row) => row['QUERY PLAN']);
    for (const s of STATEMENTS) {
      const plan = await explain(s);
      if (!plan.some((line) => line.includes('Seq Scan'))) {
        plans.push({ query: s.query, sql: s.postgres, plan, fullScan: false });
        continue;
      }
      // A table of a few pages (counters hold only current windows) is cheaper to read whole than
      // through its index, and the planner says so. Judged is whether an index exists for the
      // statement: with sequential scans priced out, does the plan still read the table?
      await client.query('SET enable_seqscan = off');
      const forced = await explain(s);
      await client.query('RESET enable_seqscan');
      plans.push({
        query: s.query,
        sql: s.postgres,
        plan: [...plan, '— with enable_seqscan = off:', ...forced],
        fullScan: forced.some((line) => line.includes('Seq Scan')),
      });
    }
    return plans;
  });
}
