import { describe, expect, it } from 'vitest';
import { makeUserRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

/** `list`: keyset pages in byte order of `user_id`, per connection or across all of them. */
export function userListSuite(factory: StoreFactory): void {
  describe('UserStore list', () => {
    const stores = useStores(factory);

    it('lists nothing from an empty store', async () => {
      expect(await stores.current.users.list({ limit: 10 })).toEqual([]);
    });

    it('returns every field of every user, in ascending user_id byte order', async () => {
      // 'Z' < '_' < 'a' < '|' in bytes; 'é' (2 bytes) and '🐢' (4 bytes) sort after ASCII.
      const ids = ['auth0|b', 'auth0|a', 'auth0|Z', 'auth0|_', 'auth0|é', 'auth0|🐢', 'auth0|a|b', 'sms|1'];
      const users = ids.map((user_id) => makeUserRecord({ user_id }));
      for (const user of users) expect(await stores.current.users.create(user)).toEqual({ created: true });
      const listed = await stores.current.users.list({ limit: 100 });
      expect(listed.map((user) => user.user_id)).toEqual(['auth0|Z', 'auth0|_', 'auth0|a', 'auth0|a|b', 'auth0|b', 'auth0|é', 'auth0|🐢', 'sms|1']);
      expect(listed.find((user) => user.user_id === 'auth0|b')).toEqual(users[0]);
    });

    it('pages with limit and after, every user exactly once', async () => {
      const users = Array.from({ length: 7 }, () => makeUserRecord());
      for (const user of users) await stores.current.users.create(user);
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const batch = await stores.current.users.list({ limit: 3, ...(after === undefined ? {} : { after }) });
        expect(batch.length).toBeLessThanOrEqual(3);
        seen.push(...batch.map((user) => user.user_id));
        if (batch.length < 3) break;
        after = batch.at(-1)!.user_id;
      }
      expect(seen).toEqual(users.map((user) => user.user_id).sort());
    });

    it('starts after a user_id that does not exist', async () => {
      for (const user_id of ['auth0|a', 'auth0|c', 'auth0|e']) await stores.current.users.create(makeUserRecord({ user_id }));
      const listed = await stores.current.users.list({ limit: 10, after: 'auth0|b' });
      expect(listed.map((user) => user.user_id)).toEqual(['auth0|c', 'auth0|e']);
    });

    it('filters by connection', async () => {
      const a = makeUserRecord({ user_id: 'auth0|1' });
      const b = makeUserRecord({ user_id: 'auth0|2', connection: 'other-connection' });
      const c = makeUserRecord({ user_id: 'auth0|3' });
      for (const user of [a, b, c]) await stores.current.users.create(user);
      const { users } = stores.current;
      expect((await users.list({ limit: 10, connection: a.connection })).map((u) => u.user_id)).toEqual(['auth0|1', 'auth0|3']);
      expect(await users.list({ limit: 10, connection: 'other-connection' })).toEqual([b]);
      expect(await users.list({ limit: 10, connection: 'nowhere' })).toEqual([]);
      expect((await users.list({ limit: 1, connection: a.connection, after: 'auth0|1' })).map((u) => u.user_id)).toEqual(['auth0|3']);
    });

    it('hands out copies', async () => {
      const user = makeUserRecord();
      await stores.current.users.create(user);
      const [read] = (await stores.current.users.list({ limit: 1 })) as Array<{ profile: { name?: string } }>;
      read!.profile.name = 'changed';
      expect(await stores.current.users.findById(user.user_id)).toEqual(user);
    });
  });
}
