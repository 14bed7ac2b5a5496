import type { DeviceCredentialRecord, RefreshTokenRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import type { StoreFactory, StoresUnderTest } from './types.js';
import { useStores } from './use-stores.js';

const T0 = 1_700_000_000_000;
let sequence = 0;
const next = () => (sequence += 1);

/**
 * A refresh token record with every field a store must keep, overridable field by field.
 *
 * @example const record = makeRefreshTokenRecord({ rotating: true });
 */
export function makeRefreshTokenRecord(overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  const n = next();
  return {
    id: `rt-${n}`,
    token_hash: n.toString(16).padStart(64, 'a'),
    family_id: `dcr_family${n}`,
    user_id: `auth0|user-${n}`,
    client_id: 'mobile-app',
    device: `iPhone ${n} «ü»`,
    scope: 'openid offline_access',
    rotating: false,
    created_at: T0 + n,
    ...overrides,
  };
}

/**
 * A device public key record, overridable field by field.
 *
 * @example const key = makeDeviceCredentialRecord({ user_id: 'auth0|1' });
 */
export function makeDeviceCredentialRecord(overrides: Partial<DeviceCredentialRecord> = {}): DeviceCredentialRecord {
  const n = next();
  return {
    id: `dcr_key${n}`,
    user_id: `auth0|user-${n}`,
    client_id: 'mobile-app',
    device_id: `device-${n}`,
    device_name: `Ada's iPhone ${n}`,
    type: 'public_key',
    public_jwk: JSON.stringify({ kty: 'EC', crv: 'P-256', x: `x${n}`, y: `y${n}` }),
    alg: 'ES256',
    created_at: T0 + n,
    ...overrides,
  };
}

/** The named port of the store set, or a failure saying the set lacks it. */
function port<K extends 'refreshTokens' | 'deviceCredentials' | 'usedAssertions'>(
  stores: StoresUnderTest,
  name: K,
): NonNullable<StoresUnderTest[K]> {
  const store = stores[name];
  if (!store) throw new Error(`this store set has no ${name}`);
  return store;
}

const rotation = (leeway_ms: number, n = next()) => ({
  successor: { id: `succ-${n}`, token_hash: n.toString(16).padStart(64, 'b'), created_at: T0 + 1000 + n },
  leeway_ms,
});

/** `RefreshTokenStore`: hashed lookup, atomic use with rotation, reuse detection, revocation, listing, pruning. */
export function refreshTokenStoreSuite(factory: StoreFactory): void {
  describe('RefreshTokenStore', () => {
    const stores = useStores(factory);
    const tokens = () => port(stores.current, 'refreshTokens');

    it('finds a token by hash exactly as created, and nothing for an unknown hash', async () => {
      const record = makeRefreshTokenRecord({ expires_at: T0 + 86_400_000 });
      await tokens().create(record);
      expect(await tokens().findByHash(record.token_hash)).toEqual(record);
      expect(await tokens().findByHash('0'.repeat(64))).toBeUndefined();
    });

    it('accepts a live token for its own client only, records the use, and keeps it valid', async () => {
      const record = makeRefreshTokenRecord();
      await tokens().create(record);
      const used = await tokens().use(record.token_hash, record.client_id, T0 + 5000);
      expect(used).toEqual({ outcome: 'active', record: { ...record, last_used_at: T0 + 5000 } });
      expect((await tokens().use(record.token_hash, record.client_id, T0 + 6000)).outcome).toBe('active');
      expect(await tokens().use(record.token_hash, 'other-app', T0 + 7000)).toEqual({ outcome: 'invalid' });
      expect(await tokens().use('f'.repeat(64), record.client_id, T0)).toEqual({ outcome: 'invalid' });
    });

    it('refuses revoked and expired tokens (expires_at <= at)', async () => {
      const expiring = makeRefreshTokenRecord({ expires_at: T0 + 10_000 });
      const revoked = makeRefreshTokenRecord();
      await tokens().create(expiring);
      await tokens().create(revoked);
      await tokens().revokeFamily(revoked.family_id, T0 + 1);
      expect((await tokens().use(expiring.token_hash, expiring.client_id, T0 + 9_999)).outcome).toBe('active');
      expect((await tokens().use(expiring.token_hash, expiring.client_id, T0 + 10_000)).outcome).toBe('invalid');
      expect((await tokens().use(revoked.token_hash, revoked.client_id, T0 + 2)).outcome).toBe('invalid');
    });

    it('rotates: marks the token rotated and stores a successor inheriting family, owner, scope and expiry', async () => {
      const record = makeRefreshTokenRecord({ rotating: true, expires_at: T0 + 3_600_000 });
      await tokens().create(record);
      const r = rotation(10_000);
      const used = await tokens().use(record.token_hash, record.client_id, T0 + 100, r);
      const successor: RefreshTokenRecord = {
        ...r.successor,
        family_id: record.family_id,
        user_id: record.user_id,
        client_id: record.client_id,
        device: record.device,
        scope: record.scope,
        rotating: true,
        expires_at: record.expires_at!,
      };
      expect(used).toEqual({ outcome: 'rotated', record: { ...record, rotated_at: T0 + 100, last_used_at: T0 + 100 }, successor });
      expect(await tokens().findByHash(r.successor.token_hash)).toEqual(successor);
      expect((await tokens().use(r.successor.token_hash, record.client_id, T0 + 200)).outcome).toBe('active');
    });

    it('keeps the API audience a token was issued for, and copies it to every successor (none stays none)', async () => {
      const record = makeRefreshTokenRecord({ rotating: true, audience: 'https://api.notes.example/' });
      const plain = makeRefreshTokenRecord({ rotating: true });
      await tokens().create(record);
      await tokens().create(plain);
      expect((await tokens().findByHash(record.token_hash))?.audience).toBe('https://api.notes.example/');
      const first = rotation(10_000);
      const used = await tokens().use(record.token_hash, record.client_id, T0 + 100, first);
      expect(used.outcome === 'rotated' && used.successor.audience).toBe('https://api.notes.example/');
      const second = await tokens().use(first.successor.token_hash, record.client_id, T0 + 200, rotation(10_000));
      expect(second.outcome === 'rotated' && second.successor.audience).toBe('https://api.notes.example/');
      expect((await tokens().findByHash(first.successor.token_hash))?.audience).toBe('https://api.notes.example/');
      expect((await tokens().listByUser(record.user_id)).map((t) => t.audience)).toContain('https://api.notes.example/');
      const other = rotation(10_000);
      await tokens().use(plain.token_hash, plain.client_id, T0 + 100, other);
      expect(await tokens().findByHash(other.successor.token_hash)).not.toHaveProperty('audience');
    });

    it('rotates a rotated token again within the leeway (inclusive), keeping the first rotated_at', async () => {
      const record = makeRefreshTokenRecord({ rotating: true });
      await tokens().create(record);
      await tokens().use(record.token_hash, record.client_id, T0, rotation(10_000));
      const again = await tokens().use(record.token_hash, record.client_id, T0 + 10_000, rotation(10_000));
      expect(again.outcome).toBe('rotated');
      expect((await tokens().findByHash(record.token_hash))?.rotated_at).toBe(T0);
    });

    it('treats a rotated token after the leeway, or without rotation, as reuse and revokes its whole family', async () => {
      for (const late of [(h: string, c: string) => tokens().use(h, c, T0 + 10_001, rotation(10_000)), (h: string, c: string) => tokens().use(h, c, T0 + 1)]) {
        const record = makeRefreshTokenRecord({ rotating: true });
        const bystander = makeRefreshTokenRecord({ user_id: record.user_id });
        await tokens().create(record);
        await tokens().create(bystander);
        const first = await tokens().use(record.token_hash, record.client_id, T0, rotation(10_000));
        if (first.outcome !== 'rotated') throw new Error('expected a rotation');
        const reused = await late(record.token_hash, record.client_id);
        expect(reused.outcome).toBe('reused');
        expect((await tokens().findByHash(first.successor.token_hash))?.revoked_at).toBeTypeOf('number');
        expect((await tokens().use(first.successor.token_hash, record.client_id, T0 + 20_000)).outcome).toBe('invalid');
        expect((await tokens().findByHash(bystander.token_hash))?.revoked_at).toBeUndefined();
      }
    });

    it('loses no successor when ten rotations of one token race inside the leeway', async () => {
      const record = makeRefreshTokenRecord({ rotating: true });
      await tokens().create(record);
      const results = await Promise.all(Array.from({ length: 10 }, () => tokens().use(record.token_hash, record.client_id, T0, rotation(1000))));
      expect(results.every((r) => r.outcome === 'rotated')).toBe(true);
      const live = await tokens().listByUser(record.user_id);
      expect(live).toHaveLength(10);
      expect(new Set(live.map((r) => r.family_id))).toEqual(new Set([record.family_id]));
    });

    it('keeps an idle deadline: a use before it (exclusive) moves it, at or after it the token is invalid', async () => {
      const record = makeRefreshTokenRecord({ idle_expires_at: T0 + 1000, expires_at: T0 + 3_600_000 });
      await tokens().create(record);
      expect(await tokens().findByHash(record.token_hash)).toEqual(record);
      const used = await tokens().use(record.token_hash, record.client_id, T0 + 999, undefined, T0 + 1999);
      expect(used).toEqual({ outcome: 'active', record: { ...record, last_used_at: T0 + 999, idle_expires_at: T0 + 1999 } });
      // Past the first deadline, inside the extended one.
      expect((await tokens().use(record.token_hash, record.client_id, T0 + 1500, undefined, T0 + 2500)).outcome).toBe('active');
      expect(await tokens().use(record.token_hash, record.client_id, T0 + 2500, undefined, T0 + 3500)).toEqual({ outcome: 'invalid' });
      expect((await tokens().findByHash(record.token_hash))?.idle_expires_at).toBe(T0 + 2500);
    });

    it('gives a rotated token\'s successor a fresh idle deadline, and refuses an idle-expired token without rotating or revoking', async () => {
      const record = makeRefreshTokenRecord({ rotating: true, idle_expires_at: T0 + 1000 });
      await tokens().create(record);
      const r = rotation(10_000);
      const used = await tokens().use(record.token_hash, record.client_id, T0 + 500, r, T0 + 1500);
      if (used.outcome !== 'rotated') throw new Error('expected a rotation');
      expect(used.successor.idle_expires_at).toBe(T0 + 1500);
      expect(used.record.idle_expires_at).toBe(T0 + 1000);
      expect((await tokens().findByHash(r.successor.token_hash))?.idle_expires_at).toBe(T0 + 1500);
      const idle = makeRefreshTokenRecord({ rotating: true, idle_expires_at: T0 + 1000 });
      await tokens().create(idle);
      expect(await tokens().use(idle.token_hash, idle.client_id, T0 + 1000, rotation(10_000), T0 + 2000)).toEqual({ outcome: 'invalid' });
      const after = await tokens().findByHash(idle.token_hash);
      expect(after?.rotated_at).toBeUndefined();
      expect(after?.revoked_at).toBeUndefined();
      expect((await tokens().listByUser(idle.user_id)).map((t) => t.id)).toEqual([idle.id]);
    });

    it('has no idle limit without a deadline: a record without one stays without, and a use without one clears it', async () => {
      const record = makeRefreshTokenRecord();
      await tokens().create(record);
      const later = T0 + 10 * 365 * 86_400_000;
      const used = await tokens().use(record.token_hash, record.client_id, later);
      expect(used).toEqual({ outcome: 'active', record: { ...record, last_used_at: later } });
      const limited = makeRefreshTokenRecord({ idle_expires_at: T0 + 1000 });
      await tokens().create(limited);
      expect((await tokens().use(limited.token_hash, limited.client_id, T0 + 10)).outcome).toBe('active');
      expect((await tokens().use(limited.token_hash, limited.client_id, later)).outcome).toBe('active');
      expect((await tokens().findByHash(limited.token_hash))?.idle_expires_at).toBeUndefined();
    });

    it('gives every successor of ten racing rotations inside the leeway its idle deadline', async () => {
      const record = makeRefreshTokenRecord({ rotating: true, idle_expires_at: T0 + 100 });
      await tokens().create(record);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => tokens().use(record.token_hash, record.client_id, T0, rotation(1000), T0 + 5000)),
      );
      expect(results.every((r) => r.outcome === 'rotated')).toBe(true);
      const live = await tokens().listByUser(record.user_id);
      expect(live).toHaveLength(10);
      expect(live.every((t) => t.idle_expires_at === T0 + 5000)).toBe(true);
    });

    it('still detects reuse of a rotated token past its own idle deadline, revoking the family', async () => {
      const record = makeRefreshTokenRecord({ rotating: true, idle_expires_at: T0 + 1000 });
      await tokens().create(record);
      const first = await tokens().use(record.token_hash, record.client_id, T0, rotation(10_000), T0 + 100_000);
      if (first.outcome !== 'rotated') throw new Error('expected a rotation');
      expect((await tokens().use(record.token_hash, record.client_id, T0 + 50_000, rotation(10_000), T0 + 150_000)).outcome).toBe('reused');
      expect((await tokens().use(first.successor.token_hash, record.client_id, T0 + 50_001)).outcome).toBe('invalid');
    });

    it('prunes whole families whose every token idle-expired before the cut-off, and nothing of a family still alive', async () => {
      const dead = makeRefreshTokenRecord({ rotating: true, idle_expires_at: T0 + 30 });
      const alive = makeRefreshTokenRecord({ rotating: true, idle_expires_at: T0 + 30 });
      const kept = makeRefreshTokenRecord({ idle_expires_at: T0 + 70 });
      for (const r of [dead, alive, kept]) await tokens().create(r);
      const deadNext = await tokens().use(dead.token_hash, dead.client_id, T0 + 10, rotation(1000), T0 + 50);
      const aliveNext = await tokens().use(alive.token_hash, alive.client_id, T0 + 10, rotation(1000), T0 + 90);
      if (deadNext.outcome !== 'rotated' || aliveNext.outcome !== 'rotated') throw new Error('expected rotations');
      expect(await tokens().prune(T0 + 60)).toBe(2);
      expect(await tokens().findByHash(dead.token_hash)).toBeUndefined();
      expect(await tokens().findByHash(deadNext.successor.token_hash)).toBeUndefined();
      // The rotated token of a live family stays for reuse detection, though its own deadline passed.
      expect(await tokens().findByHash(alive.token_hash)).toBeDefined();
      expect(await tokens().findByHash(aliveNext.successor.token_hash)).toBeDefined();
      expect(await tokens().findByHash(kept.token_hash)).toBeDefined();
      expect(await tokens().prune(T0 + 60)).toBe(0);
    });

    it('revokes a family once, lists only live tokens oldest first, and prunes what is dead', async () => {
      const user_id = 'auth0|lister';
      const a = makeRefreshTokenRecord({ user_id, created_at: T0 + 1 });
      const b = makeRefreshTokenRecord({ user_id, created_at: T0 + 2, expires_at: T0 + 50 });
      const c = makeRefreshTokenRecord({ user_id, created_at: T0 + 3 });
      for (const r of [c, a, b, makeRefreshTokenRecord()]) await tokens().create(r);
      expect((await tokens().listByUser(user_id)).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
      expect(await tokens().revokeFamily(c.family_id, T0 + 10)).toBe(1);
      expect(await tokens().revokeFamily(c.family_id, T0 + 11)).toBe(0);
      expect((await tokens().listByUser(user_id)).map((r) => r.id)).toEqual([a.id, b.id]);
      expect(await tokens().prune(T0 + 60)).toBe(2);
      expect(await tokens().findByHash(b.token_hash)).toBeUndefined();
      expect(await tokens().findByHash(c.token_hash)).toBeUndefined();
      expect(await tokens().findByHash(a.token_hash)).toBeDefined();
    });
  });
}

/** `DeviceCredentialStore`: one key per user, client and device; list and delete own. */
export function deviceCredentialStoreSuite(factory: StoreFactory): void {
  describe('DeviceCredentialStore', () => {
    const stores = useStores(factory);
    const keys = () => port(stores.current, 'deviceCredentials');

    it('creates keys and lists a user\'s own, oldest first, exactly as given', async () => {
      const user_id = 'auth0|owner';
      const second = makeDeviceCredentialRecord({ user_id, created_at: T0 + 2, alg: 'RS256', public_jwk: '{"kty":"RSA","n":"n","e":"AQAB"}' });
      const first = makeDeviceCredentialRecord({ user_id, created_at: T0 + 1 });
      for (const r of [second, first, makeDeviceCredentialRecord()]) expect(await keys().create(r)).toEqual({ created: true });
      expect(await keys().listByUser(user_id)).toEqual([first, second]);
      expect(await keys().listByUser('auth0|nobody')).toEqual([]);
    });

    it('refuses a second key for the same user, client and device_id, and writes nothing', async () => {
      const key = makeDeviceCredentialRecord();
      await keys().create(key);
      expect(await keys().create({ ...makeDeviceCredentialRecord(), user_id: key.user_id, client_id: key.client_id, device_id: key.device_id })).toEqual({
        created: false,
        reason: 'exists',
      });
      expect(await keys().listByUser(key.user_id)).toEqual([key]);
      expect((await keys().create(makeDeviceCredentialRecord({ user_id: key.user_id, device_id: key.device_id, client_id: 'web' }))).created).toBe(true);
      expect((await keys().create(makeDeviceCredentialRecord({ device_id: key.device_id, client_id: key.client_id }))).created).toBe(true);
    });

    it('creates exactly one key when ten registrations of one device race', async () => {
      const user_id = 'auth0|racer';
      const results = await Promise.all(
        Array.from({ length: 10 }, () => keys().create(makeDeviceCredentialRecord({ user_id, device_id: 'same-device' }))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await keys().listByUser(user_id)).toHaveLength(1);
    });

    it('deletes only the owner\'s key', async () => {
      const key = makeDeviceCredentialRecord();
      await keys().create(key);
      expect(await keys().delete('auth0|intruder', key.id)).toBe(false);
      expect(await keys().listByUser(key.user_id)).toEqual([key]);
      expect(await keys().delete(key.user_id, key.id)).toBe(true);
      expect(await keys().delete(key.user_id, key.id)).toBe(false);
      expect(await keys().listByUser(key.user_id)).toEqual([]);
    });
  });
}

/** `UsedAssertionStore`: a key is accepted once until it expires, however many callers race. */
export function usedAssertionStoreSuite(factory: StoreFactory): void {
  describe('UsedAssertionStore', () => {
    const stores = useStores(factory);
    const used = () => port(stores.current, 'usedAssertions');

    it('accepts a key once until it expires, then again', async () => {
      expect(await used().markUsed('assertion-a', T0 + 1000, T0)).toBe(true);
      expect(await used().markUsed('assertion-a', T0 + 1000, T0 + 999)).toBe(false);
      expect(await used().markUsed('assertion-b', T0 + 1000, T0 + 999)).toBe(true);
      expect(await used().markUsed('assertion-a', T0 + 5000, T0 + 1000)).toBe(true);
      expect(await used().markUsed('assertion-a', T0 + 5000, T0 + 4999)).toBe(false);
    });

    it('accepts exactly one of ten racing calls for one key', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => used().markUsed('racing', T0 + 60_000, T0)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('prunes markers that expired before the cut-off, and nothing else (stores without prune expire them by themselves)', async (ctx) => {
      const store = used();
      if (!store.prune) return ctx.skip();
      await store.markUsed('pruned-old', T0 + 1000, T0);
      await store.markUsed('pruned-edge', T0 + 2000, T0);
      await store.markUsed('pruned-live', T0 + 3000, T0);
      expect(await store.prune(T0 + 2000)).toBe(1);
      expect(await store.prune(T0 + 2000)).toBe(0);
      // At T0 every marker would still be live: only a deleted one can be marked again.
      expect(await store.markUsed('pruned-old', T0 + 1000, T0)).toBe(true);
      expect(await store.markUsed('pruned-edge', T0 + 2000, T0)).toBe(false);
      expect(await store.markUsed('pruned-live', T0 + 3000, T0)).toBe(false);
    });
  });
}
