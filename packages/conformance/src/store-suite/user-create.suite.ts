import type { UserRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { makeUserRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const UNIQUE_KEYS = ['user_id', 'email', 'username', 'phone_number'] as const;

/** `create`: atomic insert, `exists` on any taken id or login key, and nothing half-written. */
export function userCreateSuite(factory: StoreFactory): void {
  describe('UserStore.create', () => {
    const stores = useStores(factory);

    it.each(UNIQUE_KEYS)('answers exists when the %s is taken, and writes nothing', async (key) => {
      const { users } = stores.current;
      const first = makeUserRecord();
      const second: UserRecord = { ...makeUserRecord(), [key]: first[key] };
      expect(await users.create(first)).toEqual({ created: true });
      expect(await users.create(second)).toEqual({ created: false, reason: 'exists' });

      expect(await users.findById(first.user_id)).toEqual(first);
      if (key !== 'user_id') expect(await users.findById(second.user_id)).toBeUndefined();
      // None of the second user's other login keys was claimed.
      for (const other of ['email', 'username', 'phone_number'] as const) {
        if (other === key) continue;
        const lookup = { [other]: second[other]! } as Record<typeof other, string>;
        expect(await users.find(second.connection, lookup), other).toBeUndefined();
      }
    });

    it('lets many users of one connection go without an email, username or phone number', async () => {
      const { users } = stores.current;
      for (let i = 0; i < 3; i += 1) {
        const { email: _e, username: _u, phone_number: _p, ...bare } = makeUserRecord();
        expect(await users.create(bare)).toEqual({ created: true });
      }
    });

    it('lets exactly one of many simultaneous sign-ups of one email win', async () => {
      const { users } = stores.current;
      const email = 'race@example.com';
      const attempts = Array.from({ length: 10 }, () => makeUserRecord({ email }));
      const results = await Promise.all(attempts.map((user) => users.create(user)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = attempts[results.findIndex((r) => r.created)]!;
      expect(await users.find(winner.connection, { email })).toEqual(winner);
      for (const loser of attempts.filter((u) => u !== winner)) {
        expect(await users.findById(loser.user_id)).toBeUndefined();
      }
    });

    it('keeps no reference to the record it was given', async () => {
      const { users } = stores.current;
      const user = makeUserRecord();
      const given = structuredClone(user) as { profile: { name?: string }; blocked: boolean };
      await users.create(given as unknown as UserRecord);
      given.profile.name = 'changed';
      given.blocked = true;
      expect(await users.findById(user.user_id)).toEqual(user);
    });
  });
}
