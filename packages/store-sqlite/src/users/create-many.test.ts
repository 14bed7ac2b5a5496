import type { UserRecord } from '@oauth-ro/core/ports';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openSqliteStores } from '../open-sqlite-stores.js';

const user = (id: string, email: string): UserRecord => ({
  user_id: id,
  connection: 'db',
  strategy: 'auth0',
  email,
  blocked: false,
  profile: {},
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

describe('SQLite users.createMany', () => {
  it('creates a batch in one transaction, refusing alone each user create would refuse', async () => {
    const stores = await openSqliteStores(':memory:');
    onTestFinished(() => stores.close());
    await stores.users.create(user('auth0|taken', 'taken@example.com'));
    const outcomes = await stores.users.createMany!([
      user('auth0|1', 'one@example.com'),
      user('auth0|taken', 'other@example.com'),
      user('auth0|2', 'taken@example.com'),
      // A look-alike (Cyrillic о) of the first user's email, in the same batch.
      user('auth0|4', 'оne@example.com'),
      user('auth0|5', 'five@example.com'),
    ]);
    expect(outcomes.map((o) => o.created)).toEqual([true, false, false, false, true]);
    expect((await stores.users.list({ limit: 10 })).map((u) => u.user_id)).toEqual(['auth0|1', 'auth0|5', 'auth0|taken']);
    // The skeleton of a batch user is written: a look-alike signed up later is refused.
    expect(await stores.users.create(user('auth0|6', 'fivе@example.com'))).toEqual({ created: false, reason: 'exists' });
  });
});
