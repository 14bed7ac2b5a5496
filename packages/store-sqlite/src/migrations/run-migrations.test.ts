import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../open-sqlite-stores.js';
import { createSqliteRefreshTokenStore } from '../refresh-tokens/create-sqlite-refresh-token-store.js';
import { MIGRATIONS } from './migrations.js';
import { runMigrations } from './run-migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-sqlite-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function appliedVersions(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe('runMigrations', () => {
  it('applies every migration once, in order, and nothing on the next run', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, MIGRATIONS).applied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(runMigrations(db, MIGRATIONS).applied).toEqual([]);
    db.close();
  });

  it('keeps the data and the schema when the file is opened again', async () => {
    const path = join(dir, 'reopen.db');
    const first = await openSqliteStores(path);
    await first.keys.ensureActive({ kid: 'k1', alg: 'RS256', private_jwk: '{}', public_jwk: '{}', created_at: 1 });
    await first.close();
    const second = await openSqliteStores(`sqlite:${path}`);
    expect((await second.keys.list()).map((k) => k.kid)).toEqual(['k1']);
    await second.close();
    await second.close(); // closing twice is harmless
    expect(appliedVersions(path)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('rolls a failing run back entirely, leaving the file as it was', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE extra (x); SELECT * FROM nowhere;' }];
    expect(() => runMigrations(db, broken)).toThrow(/nowhere/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual([]);
    expect(runMigrations(db, MIGRATIONS).applied).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('applies only the migrations a file lacks', () => {
    const db = new Database(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 1));
    expect(runMigrations(db, MIGRATIONS).applied).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    db.close();
  });

  it('gives refresh tokens stored before the idle migration no idle limit', async () => {
    const db = new Database(':memory:');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < 6));
    db.prepare(
      `INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, client_id, device, scope, rotating, created_at)
       VALUES ('rt-old', 'hash-old', 'dcr_old', 'auth0|old', 'app', 'iPhone', 'openid offline_access', 0, 1)`,
    ).run();
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 6)).applied).toEqual([6]);
    const tokens = createSqliteRefreshTokenStore(db);
    expect(await tokens.findByHash('hash-old')).not.toHaveProperty('idle_expires_at');
    expect((await tokens.use('hash-old', 'app', 10 * 365 * 86_400_000)).outcome).toBe('active');
    db.close();
  });
});
