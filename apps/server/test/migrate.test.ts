import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { runOauthRo } from './run-oauth-ro.js';
import { spawnServer, startServerProcess, freePort } from './spawn-server.js';

const run = promisify(execFile);
const schema = `migrate_test_${process.pid}_${Date.now()}`;
const DATABASE = `postgres://postgres@127.0.0.1:5432/postgres?schema=${schema}`;

afterAll(async () => {
  await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { timeout: 15_000 }).catch(() => {});
});

describe('migrations as a separate step (OAUTH_RO_MIGRATE=false, oauth-ro migrate up)', () => {
  it('a server with OAUTH_RO_MIGRATE=false does not create the schema; migrate up does, once; then the server starts', async () => {
    await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', `CREATE SCHEMA ${schema}`], { timeout: 15_000 });
    const refused = spawnServer({ PORT: String(await freePort()), OAUTH_RO_DATABASE: DATABASE, OAUTH_RO_MIGRATE: 'false' });
    onTestFinished(() => refused.kill());
    expect(await refused.exited).toBe(1);
    expect(refused.stderr.join('\n')).toMatch(/^OAUTH_RO_DATABASE: cannot open PostgreSQL|^cannot start/m);

    const first = await runOauthRo(['migrate', 'up'], { OAUTH_RO_DATABASE: DATABASE });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^postgres:\/\/127\.0\.0\.1:5432: applied \d+ migration\(s\) \([\d, ]+\); schema at version \d+\n$/);
    const again = await runOauthRo(['migrate', 'up'], { OAUTH_RO_DATABASE: DATABASE });
    expect(again.stdout).toMatch(/^postgres:\/\/127\.0\.0\.1:5432: schema up to date \(version \d+\)\n$/);

    const server = await startServerProcess({ OAUTH_RO_DATABASE: DATABASE, OAUTH_RO_MIGRATE: 'false' });
    onTestFinished(() => server.kill());
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });

  it('refuses a value other than true or false, naming the variable', async () => {
    const server = spawnServer({ PORT: String(await freePort()), OAUTH_RO_DATABASE: 'sqlite::memory:', OAUTH_RO_MIGRATE: 'later' });
    onTestFinished(() => server.kill());
    expect(await server.exited).toBe(1);
    expect(server.stderr).toEqual(['OAUTH_RO_MIGRATE: must be true or false, got "later"']);
  });
});
