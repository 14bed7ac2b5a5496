import type { SigningKeyRecord } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../test/create-test-database.js';
import { openPostgresStores } from '../open-postgres-stores.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

function key(kid: string, alg: SigningKeyRecord['alg'] = 'RS256', created_at = 1000): SigningKeyRecord {
  return { kid, alg, private_jwk: `{"d":"${kid}"}`, public_jwk: `{"x":"${kid}"}`, created_at };
}

async function pools(count: number, schema: string) {
  const first = await openPostgresStores(db.url, { schema, max: 2 });
  const rest = await Promise.all(Array.from({ length: count - 1 }, () => openPostgresStores(db.url, { schema, max: 2, migrate: false })));
  return [first, ...rest];
}

describe('PostgreSQL key store', () => {
  it('five instances calling ensureActive at once end with one active key, the same for all', async () => {
    const stores = await pools(5, testSchema());
    try {
      const results = await Promise.all(stores.map((s, i) => s.keys.ensureActive(key(`k${i}`))));
      const active = results.map((keys) => keys.filter((k) => k.retired_at === undefined));
      expect(active.every((a) => a.length === 1)).toBe(true);
      const kids = new Set(active.map((a) => a[0]!.kid));
      expect(kids.size).toBe(1);
      expect(await stores[0]!.keys.list()).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('keeps one active key per algorithm', async () => {
    const [store] = await pools(1, testSchema());
    try {
      await store!.keys.ensureActive(key('rsa'));
      const keys = await store!.keys.ensureActive(key('ec', 'ES256'));
      expect(keys.map((k) => k.kid)).toEqual(['rsa', 'ec']);
      expect(keys[1]).toEqual(key('ec', 'ES256'));
    } finally {
      await store!.close();
    }
  });

  it('concurrent rotations each retire the key before them, leaving one active key', async () => {
    const stores = await pools(3, testSchema());
    try {
      await stores[0]!.keys.ensureActive(key('k0'));
      await Promise.all(stores.map((s, i) => s.keys.rotate(key(`r${i}`, 'RS256', 2000 + i), 5000 + i)));
      const keys = await stores[0]!.keys.list();
      expect(keys).toHaveLength(4);
      expect(keys.filter((k) => k.retired_at === undefined)).toHaveLength(1);
      expect(keys[0]).toMatchObject({ kid: 'k0', retired_at: expect.any(Number) });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('prunes only keys retired before the cut-off', async () => {
    const [store] = await pools(1, testSchema());
    try {
      await store!.keys.ensureActive(key('a'));
      await store!.keys.rotate(key('b'), 100);
      await store!.keys.rotate(key('c'), 300);
      expect(await store!.keys.prune(200)).toBe(1);
      expect((await store!.keys.list()).map((k) => [k.kid, k.retired_at])).toEqual([
        ['b', 300],
        ['c', undefined],
      ]);
    } finally {
      await store!.close();
    }
  });
});
