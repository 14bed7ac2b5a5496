import { describe, expect, it } from 'vitest';
import { makeUserRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const LATER = '2025-06-07T08:09:10.111Z';

/** `update`: patch semantics, `updated_at`, login keys moving, and refusal of a duplicate. */
export function userUpdateSuite(factory: StoreFactory): void {
  describe('UserStore.update', () => {
    const stores = useStores(factory);

    it('applies the patch, bumps updated_at and keeps every other field', async () => {
      const { users } = stores.current;
      const user = makeUserRecord();
      await users.create(user);
      const updated = await users.update(user.user_id, { password_hash: '$argon2id$new', blocked: true }, LATER);
      const expected = { ...user, password_hash: '$argon2id$new', blocked: true, updated_at: LATER };
      expect(updated).toEqual(expected);
      expect(await users.findById(user.user_id)).toEqual(expected);
    });

    it('replaces the whole profile when the patch carries one', async () => {
      const { users } = stores.current;
      const user = makeUserRecord();
      await users.create(user);
      const profile = { name: 'New Name', user_metadata: { theme: 'dark' } };
      expect(await users.update(user.user_id, { profile }, LATER)).toEqual({ ...user, profile, updated_at: LATER });
    });

    it('moves a changed login key: the new one finds the user, the old one is free again', async () => {
      const { users } = stores.current;
      const user = makeUserRecord();
      await users.create(user);
      await users.update(user.user_id, { email: 'moved@example.com', phone_number: '+15550009999' }, LATER);
      expect(await users.find(user.connection, { email: 'moved@example.com' })).toMatchObject({ user_id: user.user_id });
      expect(await users.find(user.connection, { phone_number: '+15550009999' })).toMatchObject({ user_id: user.user_id });
      expect(await users.find(user.connection, { email: user.email! })).toBeUndefined();
      expect(await users.create(makeUserRecord({ email: user.email, phone_number: user.phone_number }))).toEqual({ created: true });
    });

    it('clears a login key given as undefined and keeps the keys the patch does not name', async () => {
      const { users } = stores.current;
      const user = makeUserRecord();
      await users.create(user);
      const updated = await users.update(user.user_id, { username: undefined }, LATER);
      expect(updated?.username).toBeUndefined();
      expect(updated).toMatchObject({ email: user.email, phone_number: user.phone_number });
      expect(await users.find(user.connection, { username: user.username! })).toBeUndefined();
    });

    it('answers undefined for an unknown user and creates nothing', async () => {
      const { users } = stores.current;
      expect(await users.update('auth0|nobody', { blocked: true }, LATER)).toBeUndefined();
      expect(await users.findById('auth0|nobody')).toBeUndefined();
    });

    it("refuses to take another user's login key and changes nothing", async () => {
      const { users } = stores.current;
      const a = makeUserRecord();
      const b = makeUserRecord();
      await users.create(a);
      await users.create(b);
      await expect(users.update(b.user_id, { email: a.email, blocked: true }, LATER)).rejects.toThrow();
      expect(await users.findById(b.user_id)).toEqual(b);
      expect(await users.find(a.connection, { email: a.email! })).toEqual(a);
    });
  });

  describe('UserStore.upsert', () => {
    const stores = useStores(factory);

    it('creates a user that does not exist yet, as given', async () => {
      const { users } = stores.current;
      const user = makeUserRecord({ strategy: 'ad', connection: 'corp', user_id: 'ad|corp|jdoe', blocked: false });
      expect(await users.upsert(user)).toEqual(user);
      expect(await users.findById(user.user_id)).toEqual(user);
      expect(await users.find('corp', { email: user.email! })).toEqual(user);
    });

    it('replaces profile, login keys and updated_at of an existing user, keeping created_at and blocked', async () => {
      const { users } = stores.current;
      const first = makeUserRecord({ user_id: 'ad|corp|jdoe', connection: 'corp', strategy: 'ad', blocked: true });
      await users.create(first);
      const { phone_number: _p, ...fresh } = makeUserRecord({
        user_id: first.user_id,
        connection: 'corp',
        strategy: 'ad',
        blocked: false,
        profile: { name: 'From the directory' },
        created_at: LATER,
        updated_at: LATER,
      });
      const expected = { ...fresh, created_at: first.created_at, blocked: true };
      expect(await users.upsert(fresh)).toEqual(expected);
      expect(await users.findById(first.user_id)).toEqual(expected);
      expect(await users.find('corp', { email: fresh.email! })).toEqual(expected);
      expect(await users.find('corp', { email: first.email! })).toBeUndefined();
      expect(await users.find('corp', { phone_number: first.phone_number! })).toBeUndefined();
    });

    it('keeps an existing unblocked user unblocked', async () => {
      const { users } = stores.current;
      const first = makeUserRecord({ blocked: false });
      await users.create(first);
      expect(await users.upsert({ ...first, blocked: true, updated_at: LATER })).toMatchObject({ blocked: false, updated_at: LATER });
    });

    it("refuses to take another user's login key and changes nothing", async () => {
      const { users } = stores.current;
      const a = makeUserRecord();
      const b = makeUserRecord();
      await users.create(a);
      await users.create(b);
      await expect(users.upsert({ ...b, username: a.username, profile: {}, updated_at: LATER })).rejects.toThrow();
      expect(await users.findById(b.user_id)).toEqual(b);
      expect(await users.find(a.connection, { username: a.username! })).toEqual(a);
      const c = makeUserRecord({ email: a.email });
      await expect(users.upsert(c)).rejects.toThrow();
      expect(await users.findById(c.user_id)).toBeUndefined();
    });
  });

  describe('UserStore.delete', () => {
    const stores = useStores(factory);

    it('removes the user and frees its login keys; a second delete answers false', async () => {
      const { users } = stores.current;
      const user = makeUserRecord();
      const other = makeUserRecord();
      await users.create(user);
      await users.create(other);
      expect(await users.delete(user.user_id)).toBe(true);
      expect(await users.findById(user.user_id)).toBeUndefined();
      expect(await users.find(user.connection, { email: user.email! })).toBeUndefined();
      expect(await users.delete(user.user_id)).toBe(false);
      expect(await users.findById(other.user_id)).toEqual(other);
      const again = makeUserRecord({ email: user.email, username: user.username, phone_number: user.phone_number });
      expect(await users.create(again)).toEqual({ created: true });
    });

    it('answers false for an unknown user', async () => {
      expect(await stores.current.users.delete('auth0|nobody')).toBe(false);
    });
  });
}
