import { describe, expect, it } from 'vitest';
import { makeUserRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const NOW = '2026-12-03T10:00:00.000Z';

/**
 * Look-alike identifiers (issue #14, 11): a database user's email and username are unique per
 * connection by their confusable skeleton (Unicode TS #39), through the store's own index, so that
 * `аlice@…` (Cyrillic а) cannot join `alice@…`, also when both sign up at once.
 */
export function userSkeletonSuite(factory: StoreFactory): void {
  describe('UserStore: look-alike identifiers', () => {
    const stores = useStores(factory);

    it('refuses a database user whose email or username looks like an existing one in the connection', async () => {
      const users = stores.current.users;
      expect(await users.create(makeUserRecord({ email: 'alice@example.com', username: 'mary' }))).toEqual({ created: true });
      expect(await users.create(makeUserRecord({ email: '\u0430lice@example.com' }))).toEqual({ created: false, reason: 'exists' });
      expect(await users.create(makeUserRecord({ email: 'a1ice@example.com' }))).toEqual({ created: false, reason: 'exists' });
      expect(await users.create(makeUserRecord({ username: 'rnary' }))).toEqual({ created: false, reason: 'exists' });
      // Another connection, another person.
      expect(await users.create(makeUserRecord({ connection: 'other-db', email: '\u0430lice@example.com' }))).toEqual({ created: true });
      expect(await users.find('Username-Password-Authentication', { email: '\u0430lice@example.com' })).toBeUndefined();
    });

    it('lets exactly one of two look-alikes signing up at the same instant in', async () => {
      const users = stores.current.users;
      const results = await Promise.all([
        users.create(makeUserRecord({ email: 'bob@example.com' })),
        users.create(makeUserRecord({ email: 'b\u043eb@example.com' })), // Cyrillic о
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it('follows a changed email: the old look-alikes are free again, the new ones taken', async () => {
      const users = stores.current.users;
      const carol = makeUserRecord({ email: 'carol@example.com' });
      await users.create(carol);
      await users.update(carol.user_id, { email: 'caroline@example.com' }, NOW);
      expect(await users.create(makeUserRecord({ email: 'c\u0430rol@example.com' }))).toEqual({ created: true });
      expect(await users.create(makeUserRecord({ email: 'c\u0430roline@example.com' }))).toEqual({ created: false, reason: 'exists' });
      await users.delete(carol.user_id);
      expect(await users.create(makeUserRecord({ email: 'c\u0430roline@example.com' }))).toEqual({ created: true });
    });

    it('does not apply to directory and passwordless users, whose identities come from elsewhere', async () => {
      const users = stores.current.users;
      await users.upsert(makeUserRecord({ user_id: 'ad|corp|dave', connection: 'corp', strategy: 'ad', email: 'dave@corp.example', username: undefined }));
      const twin = await users.upsert(makeUserRecord({ user_id: 'ad|corp|d4ve', connection: 'corp', strategy: 'ad', email: 'd\u0430ve@corp.example', username: undefined }));
      expect(twin.email).toBe('d\u0430ve@corp.example');
    });
  });
}
