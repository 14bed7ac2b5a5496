import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../test/create-test-database.js';
import { migratePostgres } from '../migrate-postgres.js';
import { openPostgresStores } from '../open-postgres-stores.js';
import { MIGRATIONS } from './migrations.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

async function versions(schema: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
    return rows.map((r) => r.version);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('five instances starting at once apply each migration exactly once', async () => {
    const schema = testSchema();
    const reports = await Promise.all(Array.from({ length: 5 }, () => migratePostgres(db.url, { schema })));
    const applied = reports.flatMap((r) => r.applied).sort((a, b) => a - b);
    const all = MIGRATIONS.map((m) => m.version);
    expect(applied).toEqual(all);
    expect(reports.every((r) => r.version === Math.max(...all))).toBe(true);
    expect(await versions(schema)).toEqual(all);
  });

  it('five pools opening stores at once all work on the migrated schema', async () => {
    const schema = testSchema();
    const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStores(db.url, { schema, max: 2 })));
    try {
      await Promise.all(stores.map((s) => s.ping()));
      expect(await stores[0]!.keys.list()).toEqual([]);
      expect(await versions(schema)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('a second run finds nothing to do', async () => {
    const schema = testSchema();
    await migratePostgres(db.url, { schema });
    const again = await migratePostgres(db.url, { schema });
    expect(again.applied).toEqual([]);
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(migratePostgres(db.url, { schema: 'x; DROP TABLE users' })).rejects.toThrow(/plain identifier/);
  });
});
