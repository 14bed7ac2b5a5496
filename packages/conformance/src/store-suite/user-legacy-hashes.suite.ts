import { describe, expect, it } from 'vitest';
import { makeUserRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const BCRYPT_10 = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';
const BCRYPT_12 = '$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW';
const NOW = '2026-12-03T10:00:00.000Z';

/**
 * `UserStore.legacyHashes`: the highest bcrypt cost a connection still holds, kept up to date by
 * every write, so that core can make unknown, argon2id and bcrypt users cost the same to check.
 */
export function userLegacyHashesSuite(factory: StoreFactory): void {
  describe('UserStore.legacyHashes', () => {
    const stores = useStores(factory);

    it('reports the highest bcrypt cost per connection, and nothing where there is none', async () => {
      const users = stores.current.users;
      expect(users.legacyHashes).toBeTypeOf('function');
      await users.create(makeUserRecord({ connection: 'imported' }));
      expect(await users.legacyHashes!('imported')).toEqual({});
      const ten = makeUserRecord({ connection: 'imported', password_hash: BCRYPT_10 });
      const twelve = makeUserRecord({ connection: 'imported', password_hash: BCRYPT_12 });
      await users.create(ten);
      expect(await users.legacyHashes!('imported')).toEqual({ bcryptCost: 10 });
      await users.create(twelve);
      await users.create(makeUserRecord({ connection: 'fresh' }));
      expect(await users.legacyHashes!('imported')).toEqual({ bcryptCost: 12 });
      expect(await users.legacyHashes!('fresh')).toEqual({});
      expect(await users.legacyHashes!('no-such-connection')).toEqual({});

      // A rehash to argon2id on login, and a deletion, take the user out.
      await users.update(twelve.user_id, { password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$rehashed' }, NOW);
      expect(await users.legacyHashes!('imported')).toEqual({ bcryptCost: 10 });
      await users.delete(ten.user_id);
      expect(await users.legacyHashes!('imported')).toEqual({});
    });

    it('ignores what only looks like bcrypt', async () => {
      const users = stores.current.users;
      await users.create(makeUserRecord({ connection: 'odd', password_hash: '$2x$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy' }));
      await users.create(makeUserRecord({ connection: 'odd', password_hash: 'x$2b$10$' }));
      expect(await users.legacyHashes!('odd')).toEqual({});
    });
  });
}
