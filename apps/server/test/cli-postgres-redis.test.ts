import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../packages/store-postgres/test/create-test-database.js';
import { TEST_REDIS_URL, testPrefix } from '../../../packages/store-redis/test/test-redis.js';
import { runOauthRo } from './run-oauth-ro.js';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

// The CLI on a scaled-out deployment's stores: users in PostgreSQL, brute-force counters in Redis,
// while a server runs on them.

const CONNECTION = 'Username-Password-Authentication';
const USERS = 1203;

let db: TestDatabase;
const redisRun = testPrefix();
let temp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
let server: ServerProcess & { url: string };

beforeAll(async () => {
  [db, temp] = await Promise.all([createTestDatabase(), tempDir()]);
  env = { OAUTH_RO_DATABASE: db.url, OAUTH_RO_REDIS: `${TEST_REDIS_URL}?prefix=${redisRun.prefix}`, OAUTH_RO_LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await server?.kill();
  await Promise.all([db?.drop(), redisRun.cleanup(), temp?.cleanup()]);
});

async function login(username: string, password: string) {
  const res = await fetch(`${server.url}/oauth/ro`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username, password }),
  });
  return res.status;
}

describe('oauth-ro CLI on PostgreSQL and Redis', () => {
  it('imports more users than a page, lists them all in order, and releases a block the server counted in Redis', async () => {
    const bcrypt = await hash('Imp0rted-Passw0rd', { cost: 4 });
    const lines = Array.from({ length: USERS }, (_, i) =>
      JSON.stringify({ user_id: `auth0|${String(i).padStart(6, '0')}`, email: `user${i}@example.com`, passwordHash: bcrypt }),
    );
    const file = join(temp.dir, 'users.jsonl');
    await writeFile(file, lines.join('\n'));
    const imported = await runOauthRo(['users', 'import', '--connection', CONNECTION, file], env);
    expect(imported).toEqual({ code: 0, stdout: `imported ${USERS}, skipped 0 already there, refused 0 into ${CONNECTION}\n`, stderr: '' });

    const listed = await runOauthRo(['users', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    const ids = listed.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { user_id: string }).user_id);
    expect(ids).toEqual(Array.from({ length: USERS }, (_, i) => `auth0|${String(i).padStart(6, '0')}`));

    server = await startServerProcess(env);
    expect(await login('user7@example.com', 'Imp0rted-Passw0rd')).toBe(200);
    for (let i = 0; i < 10; i += 1) expect(await login('user8@example.com', 'wrong')).toBe(401);
    expect(await login('user8@example.com', 'Imp0rted-Passw0rd')).toBe(429);

    const blocks = await runOauthRo(['blocks', 'list', '--json'], env);
    expect(blocks.code).toBe(0);
    expect(JSON.parse(blocks.stdout)).toMatchObject({ connection: CONNECTION, identifier: 'user8@example.com', ip: 'loopback' });
    const released = await runOauthRo(['users', 'unblock', 'user8@example.com'], env);
    expect(released.stdout).toBe('unblocked auth0|000008 (user8@example.com): was not blocked by an administrator, 1 brute-force block released\n');
    expect(await login('user8@example.com', 'Imp0rted-Passw0rd')).toBe(200);

    expect((await runOauthRo(['users', 'block', 'auth0|000009'], env)).code).toBe(0);
    expect(await login('user9@example.com', 'Imp0rted-Passw0rd')).toBe(401);
  });
});
