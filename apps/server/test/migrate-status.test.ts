import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOauthRo } from './run-oauth-ro.js';
import { tempDir } from './spawn-server.js';

const run = promisify(execFile);
const schema = `migrate_status_${process.pid}_${Date.now()}`;
const POSTGRES = `postgres://postgres@127.0.0.1:5432/postgres?schema=${schema}`;

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
  await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { timeout: 15_000 }).catch(() => {});
});

/** The `pending` and `applied` lines' versions, in order. */
function versions(stdout: string, state: 'applied' | 'pending'): number[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`  ${state} `))
    .map((line) => Number(/^\s+\w+\s+(\d+) /.exec(line)![1]));
}

describe('oauth-ro migrate status', () => {
  it('PostgreSQL: every migration pending (exit 1) on a new schema, which it does not create; none after migrate up (exit 0)', async () => {
    const env = { OAUTH_RO_DATABASE: POSTGRES, OAUTH_RO_REDIS: 'redis://127.0.0.1:6379' };
    const before = await runOauthRo(['migrate', 'status'], env);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(new RegExp(`^postgres://127\\.0\\.0\\.1:5432 \\(schema ${schema}\\): 0 applied, (\\d+) pending\\n`));
    expect(versions(before.stdout, 'applied')).toEqual([]);
    const pending = versions(before.stdout, 'pending');
    expect(pending[0]).toBe(1);
    expect(before.stdout).toContain('redis://127.0.0.1:6379: no migrations (Redis keeps no schema)\n');
    expect(before.stderr).toBe(`${pending.length} migration(s) pending: run oauth-ro migrate up (or start an instance without OAUTH_RO_MIGRATE=false)\n`);
    const { stdout: namespaces } = await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', `SELECT count(*) FROM pg_namespace WHERE nspname = '${schema}'`]);
    expect(namespaces.trim()).toBe('0');

    expect((await runOauthRo(['migrate', 'up'], env)).code).toBe(0);
    const after = await runOauthRo(['migrate', 'status'], env);
    expect([after.code, after.stderr]).toEqual([0, '']);
    expect(versions(after.stdout, 'applied')).toEqual(pending);
    expect(versions(after.stdout, 'pending')).toEqual([]);
    expect(after.stdout).toMatch(/^ {2}applied +1 users \(\d{4}-\d\d-\d\dT[\d:.]+Z\)$/m);
  });

  it('SQLite: a missing file has every migration pending and is not created; a file the server opened has none', async () => {
    const path = join(temp.dir, 'data', 'oauth-ro.db');
    const env = { OAUTH_RO_DATABASE: `sqlite:${path}` };
    const before = await runOauthRo(['migrate', 'status'], env);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(new RegExp(`^sqlite:${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 0 applied, \\d+ pending\\n`));
    expect(existsSync(path)).toBe(false);
    expect((await runOauthRo(['migrate', 'up'], env)).code).toBe(0);
    const after = await runOauthRo(['migrate', 'status'], env);
    expect([after.code, versions(after.stdout, 'pending'), versions(after.stdout, 'applied')]).toEqual([0, [], versions(before.stdout, 'pending')]);
  });

  it('names the database it cannot read, without its password', async () => {
    const failed = await runOauthRo(['migrate', 'status'], { OAUTH_RO_DATABASE: 'postgres://postgres:s3cret-pw@127.0.0.1:1/postgres' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^oauth-ro migrate status: cannot read the PostgreSQL schema \(PostgreSQL is unavailable/);
    expect(failed.stdout + failed.stderr).not.toContain('s3cret-pw');
  });
});
