import type { RefreshTokenRecord } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../test/create-test-database.js';
import { openPostgresStores, type PostgresStores } from '../open-postgres-stores.js';

let db: TestDatabase;
let pools: PostgresStores[];
beforeAll(async () => {
  db = await createTestDatabase();
  const schema = testSchema();
  const first = await openPostgresStores(db.url, { schema, max: 2 });
  pools = [first, ...(await Promise.all(Array.from({ length: 4 }, () => openPostgresStores(db.url, { schema, max: 2, migrate: false }))))];
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await db.drop();
});

function token(id: string, extra: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  return {
    id,
    token_hash: `hash-${id}`,
    family_id: `fam-${id}`,
    user_id: 'auth0|u',
    client_id: 'app',
    device: 'phone',
    scope: 'openid offline_access',
    rotating: true,
    created_at: 1000,
    expires_at: 100_000,
    ...extra,
  };
}

const rotation = (id: string, leeway_ms = 0) => ({ successor: { id, token_hash: `hash-${id}`, created_at: 2000 }, leeway_ms });

describe('PostgreSQL refresh token store', () => {
  it('round-trips and rejects another client, expired and revoked tokens', async () => {
    const store = pools[0]!.refreshTokens;
    await store.create(token('a'));
    expect(await store.findByHash('hash-a')).toStrictEqual(token('a'));
    expect(await store.use('hash-a', 'other', 1500)).toEqual({ outcome: 'invalid' });
    expect(await store.use('hash-a', 'app', 100_000)).toEqual({ outcome: 'invalid' });
    expect(await store.use('hash-a', 'app', 1500)).toMatchObject({ outcome: 'active', record: { id: 'a', last_used_at: 1500 } });
    expect(await store.revokeFamily('fam-a', 1600)).toBe(1);
    expect(await store.use('hash-a', 'app', 1700)).toEqual({ outcome: 'invalid' });
    expect(await store.use('missing', 'app', 1700)).toEqual({ outcome: 'invalid' });
  });

  it('a rotated token presented by five instances at once after the leeway: one finds it reused and revokes the family', async () => {
    await pools[0]!.refreshTokens.create(token('race'));
    expect((await pools[0]!.refreshTokens.use('hash-race', 'app', 3000, rotation('race-s'))).outcome).toBe('rotated');
    const results = await Promise.all(pools.map((p, i) => p.refreshTokens.use('hash-race', 'app', 4000, rotation(`race-s${i}`))));
    // Once the family is revoked, later presenters find a revoked token: invalid.
    expect(results.map((r) => r.outcome).sort()).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'reused']);
    expect(await pools[0]!.refreshTokens.findByHash('hash-race-s')).toMatchObject({ revoked_at: 4000 });
    expect((await pools[0]!.refreshTokens.listByUser('auth0|u')).filter((r) => r.family_id === 'fam-race')).toEqual([]);
  });

  it('within the leeway, racing refreshes each get a successor', async () => {
    await pools[0]!.refreshTokens.create(token('lee'));
    const results = await Promise.all(pools.map((p, i) => p.refreshTokens.use('hash-lee', 'app', 3000, rotation(`lee-s${i}`, 10_000))));
    expect(results.every((r) => r.outcome === 'rotated')).toBe(true);
    const live = (await pools[0]!.refreshTokens.listByUser('auth0|u')).filter((r) => r.family_id === 'fam-lee');
    expect(live.map((r) => r.id).sort()).toEqual(['lee-s0', 'lee-s1', 'lee-s2', 'lee-s3', 'lee-s4']);
    expect(live.every((r) => r.expires_at === 100_000 && r.device === 'phone')).toBe(true);
  });

  it('prunes tokens expired or revoked before the cut-off', async () => {
    const store = pools[0]!.refreshTokens;
    await store.create(token('old', { user_id: 'auth0|p', expires_at: 5000 }));
    await store.create(token('rev', { user_id: 'auth0|p', revoked_at: 5000, expires_at: undefined }));
    await store.create(token('live', { user_id: 'auth0|p', expires_at: undefined }));
    expect(await store.prune(6000)).toBeGreaterThanOrEqual(2);
    expect((await store.listByUser('auth0|p')).map((r) => r.id)).toEqual(['live']);
  });
});

describe('PostgreSQL used-assertion store', () => {
  it('five instances marking one assertion at once: exactly one wins', async () => {
    const results = await Promise.all(pools.map((p) => p.usedAssertions.markUsed('jti-1', 10_000, 1000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a marker expires at expires_at', async () => {
    const store = pools[0]!.usedAssertions;
    expect(await store.markUsed('jti-2', 10_000, 1000)).toBe(true);
    expect(await store.markUsed('jti-2', 20_000, 9_999)).toBe(false);
    expect(await store.markUsed('jti-2', 20_000, 10_000)).toBe(true);
    expect(await store.markUsed('jti-2', 30_000, 19_999)).toBe(false);
  });
});

describe('PostgreSQL device credential store', () => {
  it('one key per user, client and device; lists oldest first; deletes only the owner\'s', async () => {
    const store = pools[0]!.deviceCredentials;
    const base = { user_id: 'auth0|d', client_id: 'app', device_name: 'Phone', type: 'public_key' as const, public_jwk: '{}', alg: 'ES256' as const };
    expect(await store.create({ ...base, id: 'dcr_1', device_id: 'dev1', created_at: 2 })).toEqual({ created: true });
    expect(await store.create({ ...base, id: 'dcr_2', device_id: 'dev1', created_at: 3 })).toEqual({ created: false, reason: 'exists' });
    expect(await store.create({ ...base, id: 'dcr_0', device_id: 'dev0', created_at: 1 })).toEqual({ created: true });
    expect((await store.listByUser('auth0|d')).map((r) => r.id)).toEqual(['dcr_0', 'dcr_1']);
    expect((await store.listByUser('auth0|d'))[0]).toStrictEqual({ ...base, id: 'dcr_0', device_id: 'dev0', created_at: 1 });
    expect(await store.delete('auth0|other', 'dcr_1')).toBe(false);
    expect(await store.delete('auth0|d', 'dcr_1')).toBe(true);
  });
});
