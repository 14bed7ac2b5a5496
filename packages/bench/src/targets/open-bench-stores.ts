import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreDeps } from '@oauth-ro/core';
import { createMemoryStores } from '@oauth-ro/store-memory';

/** Where a target keeps its users and keys. */
export type BenchStore = 'memory' | 'sqlite' | 'postgres';

/** The schema the bench owns in PostgreSQL; dropped and recreated at every start. */
export const BENCH_PG_SCHEMA = 'oauth_ro_bench';

/** The ports core has a store for, all of which the bench's targets get from one store. */
type StorePorts = Pick<
  CoreDeps,
  'users' | 'keys' | 'refreshTokens' | 'deviceCredentials' | 'usedAssertions' | 'codes' | 'counters' | 'tickets' | 'passwordHistory' | 'mfaEnrollments'
>;

/** The stores a target runs on: every store core has a port for. */
export interface BenchStores {
  readonly deps: StorePorts;
  close(): Promise<void>;
}

/** Every port of a store bundle, as a deployment on that store gets them (counters included: brute-force protection needs them). */
function ports(bundle: Required<StorePorts>): StorePorts {
  const { users, keys, refreshTokens, deviceCredentials, usedAssertions, codes, counters, tickets, passwordHistory, mfaEnrollments } = bundle;
  return { users, keys, refreshTokens, deviceCredentials, usedAssertions, codes, counters, tickets, passwordHistory, mfaEnrollments };
}

/**
 * Opens the bench's stores. SQLite is a fresh file in a temporary directory (WAL, as the server runs
 * it); PostgreSQL (`BENCH_POSTGRES_URL`, default the local server) gets a fresh schema of its own, so
 * other suites' data is never touched.
 *
 * @example const { deps, close } = await openBenchStores('postgres');
 */
export async function openBenchStores(store: BenchStore): Promise<BenchStores> {
  if (store === 'memory') return { deps: ports(createMemoryStores()), close: async () => {} };
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-bench-sqlite-'));
    const { openSqliteStores } = await import('@oauth-ro/store-sqlite');
    const sqlite = await openSqliteStores(join(dir, 'oauth-ro.db'));
    return {
      deps: ports(sqlite),
      async close() {
        await sqlite.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${BENCH_PG_SCHEMA} CASCADE`);
  } finally {
    await admin.end();
  }
  const { openPostgresStores } = await import('@oauth-ro/store-postgres');
  const postgres = await openPostgresStores(url, { schema: BENCH_PG_SCHEMA, applicationName: 'oauth-ro-bench' });
  return { deps: ports(postgres), close: () => postgres.close() };
}
