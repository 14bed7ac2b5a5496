import { systemClock } from '@oauth-ro/core';
import { setUserPassword } from '@oauth-ro/core/admin';
import { describe, expect, it } from 'vitest';
import { testHasher } from '../fixtures/create-test-oauth-ro.js';
import { makeUserRecord } from './fixtures.js';
import { makeDeviceCredentialRecord, makeRefreshTokenRecord } from './token-lifecycle-stores.suite.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const CONFIG = { connections: [{ name: 'Username-Password-Authentication', strategy: 'auth0' as const, enabled_clients: [], options: {} }] };

/**
 * Issue #14 item 7 on every store: core's `setUserPassword` revokes the user's refresh-token families
 * (rotated members included) and deletes their device keys through the store's own ports, and only
 * theirs; `keepSessions` keeps them.
 */
export function passwordChangeStoreSuite(factory: StoreFactory): void {
  describe('setUserPassword ends the user\'s sessions', () => {
    const stores = useStores(factory);

    async function seeded() {
      const { users, refreshTokens, deviceCredentials } = stores.current;
      const [victim, other] = [makeUserRecord(), makeUserRecord()];
      const hashes: string[] = [];
      for (const user of [victim, other]) {
        expect((await users.create(user)).created).toBe(true);
        const rotated = makeRefreshTokenRecord({ user_id: user.user_id, rotating: true, rotated_at: Date.now() });
        const records = [rotated, makeRefreshTokenRecord({ user_id: user.user_id, family_id: rotated.family_id, rotating: true }), makeRefreshTokenRecord({ user_id: user.user_id })];
        for (const record of records) await refreshTokens!.create(record);
        if (user === victim) hashes.push(...records.map((r) => r.token_hash));
        await deviceCredentials!.create(makeDeviceCredentialRecord({ user_id: user.user_id }));
        await deviceCredentials!.create(makeDeviceCredentialRecord({ user_id: user.user_id, client_id: 'another-app' }));
      }
      return { victim, other, victimHashes: hashes };
    }

    const deps = async () => ({ ...stores.current, hasher: await testHasher(), clock: systemClock });

    it('revokes every refresh-token family and deletes every device key of the user, no one else\'s', async () => {
      const { victim, other, victimHashes } = await seeded();
      const { refreshTokens, deviceCredentials } = stores.current;
      const otherTokens = await refreshTokens!.listByUser(other.user_id);
      const result = await setUserPassword(await deps(), CONFIG, victim.user_id, 'N3w-Correct-Horse');
      expect(result.ok).toBe(true);
      expect(await refreshTokens!.listByUser(victim.user_id)).toEqual([]);
      expect(await deviceCredentials!.listByUser(victim.user_id)).toEqual([]);
      expect(await refreshTokens!.listByUser(other.user_id)).toEqual(otherTokens);
      expect(await deviceCredentials!.listByUser(other.user_id)).toHaveLength(2);
      // Every member, the rotated one included (no reuse window survives the change), is revoked.
      for (const hash of victimHashes) expect((await refreshTokens!.findByHash(hash))?.revoked_at).toEqual(expect.any(Number));
      for (const record of otherTokens) expect((await refreshTokens!.findByHash(record.token_hash))?.revoked_at).toBeUndefined();
    });

    it('keeps them with keepSessions', async () => {
      const { victim } = await seeded();
      const result = await setUserPassword(await deps(), CONFIG, victim.user_id, 'N3w-Correct-Horse', { keepSessions: true });
      expect(result.ok).toBe(true);
      expect(await stores.current.refreshTokens!.listByUser(victim.user_id)).toHaveLength(2);
      expect(await stores.current.deviceCredentials!.listByUser(victim.user_id)).toHaveLength(2);
    });
  });
}
