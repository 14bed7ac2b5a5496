import type { UserRecord } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../test/create-test-database.js';
import { openPostgresStores, type PostgresStores } from '../open-postgres-stores.js';

let db: TestDatabase;
let stores: PostgresStores;
const schema = testSchema();
beforeAll(async () => {
  db = await createTestDatabase();
  stores = await openPostgresStores(db.url, { schema });
});
afterAll(async () => {
  await stores.close();
  await db.drop();
});

function user(id: string, email: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    user_id: `auth0|${id}`,
    connection: 'Username-Password-Authentication',
    strategy: 'auth0',
    email,
    password_hash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA',
    blocked: false,
    profile: { email_verified: false, user_metadata: { plan: 'free', 'ünï': ['ok'] } },
    created_at: '2024-01-02T03:04:05.678Z',
    updated_at: '2024-01-02T03:04:05.678Z',
    ...extra,
  };
}

describe('PostgreSQL user store', () => {
  it('round-trips a user and finds it by id and login key', async () => {
    const u = user('rt', 'rt@example.com', { username: 'rt', phone_number: '+15550100001' });
    expect(await stores.users.create(u)).toEqual({ created: true });
    expect(await stores.users.findById(u.user_id)).toStrictEqual(u);
    expect(await stores.users.find(u.connection, { email: 'rt@example.com' })).toStrictEqual(u);
    expect(await stores.users.find(u.connection, { username: 'rt' })).toStrictEqual(u);
    expect(await stores.users.find(u.connection, { phone_number: '+15550100001' })).toStrictEqual(u);
    expect(await stores.users.find('other', { email: 'rt@example.com' })).toBeUndefined();
  });

  it('refuses a taken id or login key within the connection, allows it in another', async () => {
    await stores.users.create(user('dup', 'dup@example.com'));
    expect(await stores.users.create(user('dup', 'other@example.com'))).toEqual({ created: false, reason: 'exists' });
    expect(await stores.users.create(user('dup2', 'dup@example.com'))).toEqual({ created: false, reason: 'exists' });
    expect(await stores.users.create(user('dup3', 'dup@example.com', { connection: 'other' }))).toEqual({ created: true });
  });

  it('createMany inserts a batch in one statement, refusing alone each user create would refuse', async () => {
    await stores.users.create(user('many-taken', 'many-taken@example.com'));
    const outcomes = await stores.users.createMany!([
      user('many-1', 'many-1@example.com'),
      user('many-taken', 'many-other@example.com'),
      user('many-2', 'many-taken@example.com'),
      user('many-1', 'many-again@example.com'),
      // A look-alike (Cyrillic о) of the first user's email, in the same batch.
      user('many-3', 'many-1@exаmple.com'),
      user('many-4', 'many-4@example.com'),
    ]);
    expect(outcomes.map((o) => o.created)).toEqual([true, false, false, false, false, true]);
    expect(await stores.users.findById('auth0|many-1')).toStrictEqual(user('many-1', 'many-1@example.com'));
    expect(await stores.users.findById('auth0|many-3')).toBeUndefined();
    expect(await stores.users.createMany!([])).toEqual([]);
  });

  it('five sign-ups of one address at once create exactly one user', async () => {
    const others = await Promise.all(Array.from({ length: 4 }, () => openPostgresStores(db.url, { migrate: false, schema, max: 1 })));
    try {
      const all = [stores, ...others];
      const results = await Promise.all(all.map((s, i) => s.users.create(user(`race${i}`, 'race@example.com'))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it('updates only the patched fields, clears a field patched to undefined', async () => {
    await stores.users.create(user('up', 'up@example.com', { username: 'up' }));
    const updated = await stores.users.update('auth0|up', { blocked: true, username: undefined }, '2025-01-01T00:00:00.000Z');
    expect(updated).toStrictEqual({ ...user('up', 'up@example.com'), blocked: true, updated_at: '2025-01-01T00:00:00.000Z' });
    expect(await stores.users.update('auth0|missing', { blocked: true }, 'x')).toBeUndefined();
  });

  it('upsert creates, then replaces login keys and profile but keeps created_at and the block', async () => {
    const first = user('ups', 'ups@example.com', { connection: 'corp', strategy: 'ad', password_hash: undefined });
    expect(await stores.users.upsert(first)).toEqual(first);
    await stores.users.update(first.user_id, { blocked: true }, first.updated_at);
    const second = { ...first, email: 'new@example.com', profile: { name: 'New' }, created_at: 'later', updated_at: 'later' };
    expect(await stores.users.upsert(second)).toEqual({ ...second, created_at: first.created_at, blocked: true });
  });

  it('deletes', async () => {
    await stores.users.create(user('del', 'del@example.com'));
    expect(await stores.users.delete('auth0|del')).toBe(true);
    expect(await stores.users.delete('auth0|del')).toBe(false);
    expect(await stores.users.find('Username-Password-Authentication', { email: 'del@example.com' })).toBeUndefined();
  });
});
