import { openPostgresStores } from '@oauth-ro/store-postgres';
import pg from 'pg';
import { BENCH } from '../targets/bench-config.js';
import { SCALE_PROFILE, scaleUser } from './scale-users.js';

const BATCH = 50_000;

/** The bench's PostgreSQL server (`BENCH_POSTGRES_URL`, default the local one). */
export function benchPostgresUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Runs `work` with one client on the bench's server, search_path set to `schema` when given. */
export async function withPostgres<T>(schema: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: benchPostgresUrl() });
  await client.connect();
  try {
    if (schema !== undefined) await client.query(`SET search_path TO ${schema}`);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the bench's schema (and everything in it). */
export async function dropSchema(schema: string): Promise<void> {
  await withPostgres(undefined, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}

/**
 * Creates a fresh schema with oauth-ro's tables (through the store, so its migrations run) and inserts
 * `size` database users, 50,000 a statement (`INSERT … SELECT FROM unnest(…)`), every row with the same
 * argon2id hash, then ANALYZE. Answers the seconds it took.
 *
 * @example const seconds = await seedPostgres('oauth_ro_scale_1000000', 1_000_000, hash);
 */
export async function seedPostgres(schema: string, size: number, passwordHash: string): Promise<number> {
  const started = performance.now();
  await dropSchema(schema);
  const stores = await openPostgresStores(benchPostgresUrl(), { schema, applicationName: 'oauth-ro-bench-seed' });
  await stores.close();
  const now = new Date().toISOString();
  await withPostgres(schema, async (client) => {
    for (let from = 0; from < size; from += BATCH) {
      const ids: string[] = [];
      const emails: string[] = [];
      const skeletons: string[] = [];
      for (let i = from; i < Math.min(size, from + BATCH); i += 1) {
        const user = scaleUser(i);
        ids.push(user.user_id);
        emails.push(user.email);
        skeletons.push(user.email_skeleton);
      }
      await client.query(
        `INSERT INTO users (user_id, connection, strategy, email, password_hash, blocked, profile, created_at, updated_at, email_skeleton)
         SELECT id, $4, 'auth0', email, $5, false, $6::jsonb, $7, $7, skeleton FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, email, skeleton)`,
        [ids, emails, skeletons, BENCH.connection, passwordHash, SCALE_PROFILE, now],
      );
    }
    await client.query('ANALYZE');
  });
  return (performance.now() - started) / 1000;
}
