import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { openSqliteStores } from '../open-sqlite-stores.js';
import { MIGRATIONS } from './migrations.js';
import { runMigrations } from './run-migrations.js';
import { sqliteMigrationStatus } from './sqlite-migration-status.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-sqlite-status-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const all = MIGRATIONS.map(({ version, name }) => ({ version, name }));

describe('sqliteMigrationStatus', () => {
  it('a missing file has every migration pending, and is not created', async () => {
    const path = join(dir, 'missing', 'oauth-ro.db');
    expect(await sqliteMigrationStatus(`sqlite:${path}`)).toEqual({ description: `sqlite:${path}`, applied: [], pending: all });
    expect(existsSync(path)).toBe(false);
    expect(await sqliteMigrationStatus(':memory:')).toEqual({ description: 'sqlite::memory:', applied: [], pending: all });
  });

  it('names the applied and the pending migrations of a partly migrated file, without migrating it', async () => {
    const path = join(dir, 'partly.db');
    const db = openDatabase({ kind: 'file', path }, 1000);
    runMigrations(db, MIGRATIONS.slice(0, 3));
    db.close();
    const status = await sqliteMigrationStatus(path);
    expect(status.applied.map((m) => [m.version, m.name])).toEqual(all.slice(0, 3).map((m) => [m.version, m.name]));
    expect(status.applied.every((m) => !Number.isNaN(Date.parse(m.applied_at)))).toBe(true);
    expect(status.pending).toEqual(all.slice(3));
    expect((await sqliteMigrationStatus(path)).pending).toEqual(all.slice(3));
  });

  it('a file openSqliteStores opened has nothing pending', async () => {
    const path = join(dir, 'current.db');
    await (await openSqliteStores(path)).close();
    const status = await sqliteMigrationStatus(path);
    expect(status.pending).toEqual([]);
    expect(status.applied.map((m) => m.version)).toEqual(all.map((m) => m.version));
  });
});
