import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../test/create-test-database.js';
import { migratePostgres } from '../migrate-postgres.js';
import { resolveOptions } from '../resolve-options.js';
import { MIGRATIONS } from './migrations.js';
import { postgresMigrationStatus } from './postgres-migration-status.js';
import { runMigrations } from './run-migrations.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const all = MIGRATIONS.map(({ version, name }) => ({ version, name }));

async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    return rows.length === 1;
  } finally {
    await client.end();
  }
}

describe('postgresMigrationStatus', () => {
  it('a schema that does not exist has every migration pending, and is not created', async () => {
    const schema = testSchema();
    expect(await postgresMigrationStatus(db.url, { schema })).toEqual({ description: `postgres://${new URL(db.url).host} (schema ${schema})`, applied: [], pending: all });
    expect(await schemaExists(schema)).toBe(false);
  });

  it('reads the schema from the URL (`?schema=`), as openPostgresStores does', async () => {
    const schema = testSchema();
    await runMigrations(db.url, resolveOptions({ schema }), MIGRATIONS.slice(0, 2));
    const status = await postgresMigrationStatus(`${db.url}${db.url.includes('?') ? '&' : '?'}schema=${schema}`);
    expect(status.description).toBe(`postgres://${new URL(db.url).host} (schema ${schema})`);
    expect(status.applied.map((m) => m.version)).toEqual(all.slice(0, 2).map((m) => m.version));
  });

  it('names the applied and the pending migrations of a partly migrated schema, without migrating it', async () => {
    const schema = testSchema();
    await runMigrations(db.url, resolveOptions({ schema }), MIGRATIONS.slice(0, 4));
    const status = await postgresMigrationStatus(db.url, { schema });
    expect(status.applied.map((m) => [m.version, m.name])).toEqual(all.slice(0, 4).map((m) => [m.version, m.name]));
    expect(status.applied.every((m) => !Number.isNaN(Date.parse(m.applied_at)))).toBe(true);
    expect(status.pending).toEqual(all.slice(4));
    expect((await postgresMigrationStatus(db.url, { schema })).pending).toEqual(all.slice(4));
  });

  it('after migratePostgres nothing is pending', async () => {
    const schema = testSchema();
    await migratePostgres(db.url, { schema });
    const status = await postgresMigrationStatus(db.url, { schema });
    expect([status.pending, status.applied.map((m) => m.version)]).toEqual([[], all.map((m) => m.version)]);
  });

  it('an unreachable server is an UnavailableError', async () => {
    await expect(postgresMigrationStatus('postgres://postgres@127.0.0.1:1/postgres', { connectionTimeoutMs: 2000 })).rejects.toMatchObject({ name: 'UnavailableError' });
  });
});
