import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations/migrations.js';
import { runMigrations } from '../migrations/run-migrations.js';
import { createSqliteUserStore } from './create-sqlite-user-store.js';

const insert = (db: Database.Database, user_id: string, email: string, strategy = 'auth0') =>
  db
    .prepare(
      `INSERT INTO users (user_id, connection, strategy, email, blocked, profile, created_at, updated_at)
       VALUES (?, 'db', ?, ?, 0, '{}', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    )
    .run(user_id, strategy, email);

describe('identifier skeletons of users stored before migration 9', () => {
  it('are filled on open; of two look-alikes that both exist, both stay and no third joins them', async () => {
    const db = new Database(':memory:');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < 9));
    insert(db, 'auth0|alice', 'alice@example.com');
    insert(db, 'auth0|alice-cyrillic', '\u0430lice@example.com');
    insert(db, 'auth0|bob', 'bob@example.com');
    runMigrations(db, MIGRATIONS);
    const users = createSqliteUserStore(db);

    const skeletons = db.prepare('SELECT user_id, email_skeleton FROM users ORDER BY user_id').all() as { user_id: string; email_skeleton: string | null }[];
    expect(skeletons.filter((r) => r.email_skeleton !== null).map((r) => r.user_id)).toEqual(expect.arrayContaining(['auth0|bob']));
    expect(skeletons.filter((r) => r.email_skeleton !== null)).toHaveLength(2);
    const base = { connection: 'db', strategy: 'auth0', blocked: false, profile: {}, created_at: 'x', updated_at: 'x' };
    expect(await users.create({ ...base, user_id: 'auth0|b0b', email: 'b\u043eb@example.com' })).toEqual({ created: false, reason: 'exists' });
    expect(await users.create({ ...base, user_id: 'auth0|a1ice', email: 'a1ice@example.com' })).toEqual({ created: false, reason: 'exists' });
    expect(await users.create({ ...base, user_id: 'auth0|carol', email: 'carol@example.com' })).toEqual({ created: true });
  });
});
