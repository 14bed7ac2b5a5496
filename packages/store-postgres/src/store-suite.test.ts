import { describeStoreSuite } from '@oauth-ro/conformance';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../test/create-test-database.js';
import { openTruncator, type Truncator } from '../test/truncate-all.js';
import { openPostgresStores, type PostgresStores } from './open-postgres-stores.js';

let db: TestDatabase;
let stores: PostgresStores;
let tables: Truncator;
const schema = testSchema();
beforeAll(async () => {
  db = await createTestDatabase();
  stores = await openPostgresStores(db.url, { schema, max: 4 });
  tables = await openTruncator(db.url, schema);
});
afterAll(async () => {
  await tables?.close();
  await stores?.close();
  await db?.drop();
});

// One pool for the file; each test starts from empty tables.
describeStoreSuite('postgres', async () => {
  await tables.truncate();
  return { ...stores, close() {} };
});
