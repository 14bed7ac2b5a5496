import { describeCrossInstanceSuite } from '@oauth-ro/conformance';
import { createTestDatabase, testSchema } from '../../test/create-test-database.js';
import { openPostgresStores } from '../open-postgres-stores.js';

describeCrossInstanceSuite('PostgreSQL', async () => {
  const db = await createTestDatabase();
  const schema = testSchema();
  const first = await openPostgresStores(db.url, { schema, max: 3 });
  const rest = await Promise.all(Array.from({ length: 4 }, () => openPostgresStores(db.url, { schema, max: 3, migrate: false })));
  const instances = [first, ...rest];
  return {
    instances,
    async close() {
      await Promise.all(instances.map((p) => p.close()));
      await db.drop();
    },
  };
});
