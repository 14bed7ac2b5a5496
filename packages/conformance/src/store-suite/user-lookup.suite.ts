import { describe, expect, it } from 'vitest';
import { makeUserRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

/** `find` and `findById`: exact round trips, lookups per connection and per login key. */
export function userLookupSuite(factory: StoreFactory): void {
  describe('UserStore lookups', () => {
    const stores = useStores(factory);

    it('returns by id exactly what was created, every field and the nested profile', async () => {
      const user = makeUserRecord();
      await stores.current.users.create(user);
      expect(await stores.current.users.findById(user.user_id)).toEqual(user);
    });

    it('returns a minimal user without inventing fields (absent stays absent, never null or empty)', async () => {
      const { email: _e, username: _u, phone_number: _p, password_hash: _h, ...minimal } = makeUserRecord({
        strategy: 'ad',
        blocked: true,
        profile: {},
      });
      await stores.current.users.create(minimal);
      const found = await stores.current.users.findById(minimal.user_id);
      expect(found).toEqual(minimal);
      expect(found?.blocked).toBe(true);
    });

    it('finds a user by email, by username and by phone number within its connection', async () => {
      const user = makeUserRecord();
      await stores.current.users.create(user);
      const { users } = stores.current;
      expect(await users.find(user.connection, { email: user.email! })).toEqual(user);
      expect(await users.find(user.connection, { username: user.username! })).toEqual(user);
      expect(await users.find(user.connection, { phone_number: user.phone_number! })).toEqual(user);
    });

    it('does not find a user through another connection', async () => {
      const user = makeUserRecord();
      await stores.current.users.create(user);
      const { users } = stores.current;
      expect(await users.find('other-connection', { email: user.email! })).toBeUndefined();
      expect(await users.find('other-connection', { username: user.username! })).toBeUndefined();
      expect(await users.find('other-connection', { phone_number: user.phone_number! })).toBeUndefined();
    });

    it('keeps users of two connections with the same login keys apart', async () => {
      const a = makeUserRecord();
      const b = makeUserRecord({ connection: 'other-connection', email: a.email, username: a.username, phone_number: a.phone_number });
      const { users } = stores.current;
      expect(await users.create(a)).toEqual({ created: true });
      expect(await users.create(b)).toEqual({ created: true });
      expect(await users.find(a.connection, { email: a.email! })).toEqual(a);
      expect(await users.find(b.connection, { email: a.email! })).toEqual(b);
      expect(await users.find(b.connection, { phone_number: a.phone_number! })).toEqual(b);
    });

    it('matches a lookup against its own login key only', async () => {
      // The username looks like an email and the email like a username: neither may match the other.
      const user = makeUserRecord({ email: 'carol', username: 'carol@example.com' });
      await stores.current.users.create(user);
      const { users } = stores.current;
      expect(await users.find(user.connection, { email: 'carol@example.com' })).toBeUndefined();
      expect(await users.find(user.connection, { username: 'carol' })).toBeUndefined();
      expect(await users.find(user.connection, { phone_number: 'carol' })).toBeUndefined();
    });

    it('answers undefined for an unknown id or login key', async () => {
      await stores.current.users.create(makeUserRecord());
      const { users } = stores.current;
      expect(await users.findById('auth0|nobody')).toBeUndefined();
      expect(await users.find('Username-Password-Authentication', { email: 'nobody@example.com' })).toBeUndefined();
    });

    it('hands out copies: changing a record read back does not change the store', async () => {
      const user = makeUserRecord();
      const { users } = stores.current;
      await users.create(user);
      const read = (await users.findById(user.user_id)) as { blocked: boolean; profile: { name?: string } };
      read.blocked = true;
      read.profile.name = 'changed';
      const again = (await users.find(user.connection, { email: user.email! })) as { profile: { name?: string } };
      again.profile.name = 'changed too';
      expect(await users.findById(user.user_id)).toEqual(user);
    });
  });
}
