import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations/migrations.js';
import { runMigrations } from '../migrations/run-migrations.js';

describe('legacyHashes query', () => {
  it('reads the partial index users_bcrypt_cost, never the table, in one step', () => {
    const db = new Database(':memory:');
    runMigrations(db, MIGRATIONS);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT substr(password_hash, 5, 2) AS cost FROM users WHERE connection = ? AND password_hash GLOB '$2[aby]$*'
         ORDER BY substr(password_hash, 5, 2) DESC LIMIT 1`,
      )
      .all('db') as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH users USING INDEX users_bcrypt_cost (connection=?)']);
  });
});
