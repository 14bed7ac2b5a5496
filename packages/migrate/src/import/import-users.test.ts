import { hash } from '@node-rs/bcrypt';
import { createArgon2Hasher } from '@oauth-ro/argon2';
import type { UserStore } from '@oauth-ro/core';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { importUsers } from './import-users.js';
import { readExportRecords } from './read-export-records.js';

const CONNECTION = 'Username-Password-Authentication';
const bcrypt = await hash('correct horse', { cost: 4 });

/** An empty SQLite user store, closed when the test ends. */
async function freshUsers(): Promise<UserStore> {
  const stores = await openSqliteStores(':memory:');
  onTestFinished(() => stores.close());
  return stores.users;
}

async function run(text: string, users: UserStore) {
  const reports: string[] = [];
  let n = 0;
  const counts = await importUsers(
    readExportRecords([text]),
    users,
    {
      connection: CONNECTION,
      now: () => '2026-01-01T00:00:00.000Z',
      newId: () => `auth0|new-${(n += 1)}`,
      report: (line, problem) => reports.push(`${line}: ${problem}`),
    },
  );
  return { counts, reports };
}

describe('importUsers', () => {
  const file = [
    JSON.stringify({ user_id: 'auth0|1', email: 'a@example.com', password_hash: bcrypt }),
    JSON.stringify({ user_id: 'auth0|2', email: 'b@example.com' }),
    `{"user_id": "auth0|3", "password_hash": "${bcrypt}", oops}`,
    JSON.stringify({ user_id: 'auth0|4', email: 'd@example.com', password_hash: 'sha1:abcdef' }),
    JSON.stringify({ user_id: 'auth0|5', email: 'a@example.com', password_hash: bcrypt }),
  ].join('\n');

  it('imports good records, reports bad ones by line without their hashes, and goes on', async () => {
    const users = await freshUsers();
    const { counts, reports } = await run(file, users);
    expect(counts).toEqual({ imported: 2, withoutPassword: 1, skipped: 0, refused: 3 });
    expect(reports).toEqual([
      '3: not valid JSON',
      '4: password_hash: not a bcrypt hash ($2a$, $2b$ or $2y$ with cost 04-31) nor an argon2id hash ($argon2id$v=19$, m <= 262144, t <= 10, p <= 16); other hashes cannot be verified here',
      '5: auth0|5: its email, username or phone number belongs to another user of Username-Password-Authentication',
    ]);
    expect(reports.join('\n')).not.toContain(bcrypt.slice(7));
    expect((await users.findById('auth0|1'))?.password_hash).toBe(bcrypt);
    expect((await users.findById('auth0|2'))?.password_hash).toBeUndefined();
  });

  it('is idempotent: a second run skips what is there and imports nothing twice', async () => {
    const users = await freshUsers();
    await run(file, users);
    const again = await run(file, users);
    expect(again.counts).toEqual({ imported: 0, withoutPassword: 0, skipped: 2, refused: 3 });
    expect(await users.list({ limit: 10 })).toHaveLength(2);
  });

  it('restores a line of oauth-ro users export: the argon2id hash is kept and still verifies the password', async () => {
    const hasher = await createArgon2Hasher();
    const argon2id = await hasher.hash('correct horse');
    const users = await freshUsers();
    const line = JSON.stringify({ user_id: 'auth0|7', email: 'g@example.com', connection: CONNECTION, custom_password_hash: { algorithm: 'argon2', hash: { value: argon2id } } });
    const { counts, reports } = await run(line, users);
    expect([counts, reports]).toEqual([{ imported: 1, withoutPassword: 0, skipped: 0, refused: 0 }, []]);
    const stored = await users.findById('auth0|7');
    expect(stored?.password_hash).toBe(argon2id);
    expect(await hasher.verify(stored!.password_hash!, 'correct horse')).toBe(true);
  });

  it('refuses a user_id already used in another connection', async () => {
    const users = await freshUsers();
    await users.create({ user_id: 'auth0|1', connection: 'other', strategy: 'auth0', blocked: false, profile: {}, created_at: 'x', updated_at: 'x' });
    const { counts, reports } = await run(JSON.stringify({ user_id: 'auth0|1', email: 'a@example.com' }), users);
    expect(counts.refused).toBe(1);
    expect(reports).toEqual(['1: auth0|1 already exists in connection other']);
  });
  it('keeps at most `concurrency` users being written at once, and imports every one', async () => {
    const inner = await freshUsers();
    let inFlight = 0;
    let most = 0;
    // Without createMany: a store that writes one user at a time (PostgreSQL).
    const { createMany, ...oneByOne } = inner;
    expect(createMany).toBeDefined();
    const slow: UserStore = {
      ...oneByOne,
      async create(user) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return inner.create(user);
      },
    };
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ user_id: `auth0|c${i}`, email: `c${i}@example.com`, password_hash: bcrypt }));
    const counts = await importUsers(readExportRecords([lines.join('\n')]), slow, {
      connection: CONNECTION,
      now: () => '2026-01-01T00:00:00.000Z',
      newId: () => 'auth0|unused',
      report: () => {},
      concurrency: 4,
    });
    expect([counts.imported, most]).toEqual([50, 4]);
    expect(await inner.list({ limit: 100 })).toHaveLength(50);
  });

  it('stops with the error of a store that fails, after the writes under way settled', async () => {
    const inner = await freshUsers();
    let n = 0;
    const { createMany, ...oneByOne } = inner;
    expect(createMany).toBeDefined();
    const failing: UserStore = {
      ...oneByOne,
      async create(user) {
        if ((n += 1) === 3) throw new Error('database unavailable');
        return inner.create(user);
      },
    };
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify({ user_id: `auth0|f${i}`, email: `f${i}@example.com` }));
    const importing = importUsers(readExportRecords([lines.join('\n')]), failing, {
      connection: CONNECTION,
      now: () => '2026-01-01T00:00:00.000Z',
      newId: () => 'auth0|unused',
      report: () => {},
    });
    await expect(importing).rejects.toThrow('database unavailable');
    expect((await inner.list({ limit: 100 })).length).toBeLessThan(20);
  });
  it('hands a store with createMany batches of 500, one transaction each, and still tells skipped from refused', async () => {
    const inner = await freshUsers();
    await inner.create({ user_id: 'auth0|b3', connection: CONNECTION, strategy: 'auth0', blocked: false, profile: {}, created_at: 'x', updated_at: 'x' });
    const sizes: number[] = [];
    const batching: UserStore = {
      ...inner,
      async createMany(batch) {
        sizes.push(batch.length);
        return inner.createMany!(batch);
      },
    };
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ user_id: `auth0|b${i}`, email: `b${i % 1100}@example.com`, password_hash: bcrypt }));
    const reports: string[] = [];
    const counts = await importUsers(readExportRecords([lines.join('\n')]), batching, {
      connection: CONNECTION,
      now: () => '2026-01-01T00:00:00.000Z',
      newId: () => 'auth0|unused',
      report: (line, problem) => reports.push(`${line}: ${problem}`),
    });
    expect(sizes).toEqual([500, 500, 200]);
    // auth0|b3 is there already (skipped), so its email stays free for line 1104.
    expect(counts).toEqual({ imported: 1100, withoutPassword: 0, skipped: 1, refused: 99 });
    expect(reports[0]).toBe('1101: auth0|b1100: its email, username or phone number belongs to another user of Username-Password-Authentication');
  });
});
