import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests use: `OAUTH_RO_TEST_POSTGRES` or the machine's PostgreSQL as user postgres. */
export const TEST_POSTGRES_ADMIN_URL = process.env.OAUTH_RO_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database that exists for one test run. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `oauth_ro_test_<random>` on the test server.
 *
 * @example
 * const db = await createTestDatabase();
 * afterAll(() => db.drop());
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `oauth_ro_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A fresh schema name, so tests in one database do not see each other's rows.
 *
 * @example openPostgresStores(db.url, { schema: testSchema() });
 */
export function testSchema(): string {
  return `t_${randomBytes(5).toString('hex')}`;
}
