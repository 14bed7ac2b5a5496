import { openPostgresStores, type PostgresStores } from '@oauth-ro/store-postgres';
import { describeStoreSuite } from '@oauth-ro/conformance';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../store-postgres/test/create-test-database.js';
import { openTruncator, type Truncator } from '../../store-postgres/test/truncate-all.js';
import { TEST_REDIS_URL, testPrefix } from '../test/test-redis.js';
import { openRedisStores } from './open-redis-stores.js';

const run = testPrefix();
let db: TestDatabase;
let postgres: PostgresStores;
let tables: Truncator;
let tests = 0;
const schema = testSchema();
beforeAll(async () => {
  db = await createTestDatabase();
  postgres = await openPostgresStores(db.url, { schema, max: 4 });
  tables = await openTruncator(db.url, schema);
});
afterAll(async () => {
  await tables?.close();
  await postgres?.close();
  await db?.drop();
  await run.cleanup();
});

// The deployment shape of a scale-out install: durable state in PostgreSQL, short-lived state in
// Redis. Each test gets empty tables and a key prefix of its own.
describeStoreSuite('postgres + redis', async () => {
  await tables.truncate();
  const redis = await openRedisStores(TEST_REDIS_URL, { prefix: `${run.prefix}-${++tests}` });
  return {
    ...postgres,
    ...redis,
    close: () => redis.close(),
  };
});
