import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runOauthRo as oauthRo } from './run-oauth-ro.js';
import { startServerProcess, tempDir } from './spawn-server.js';

const run = promisify(execFile);
const CONNECTION = 'Username-Password-Authentication';
const schema = `restore_test_${process.pid}_${Date.now()}`;
/** The restore goes to another engine on purpose: a backup is also how users move from SQLite to PostgreSQL. */
const RESTORED = `postgres://postgres@127.0.0.1:5432/postgres?schema=${schema}`;

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
  await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { timeout: 15_000 }).catch(() => {});
});

async function login(url: string, username: string, password: string) {
  const res = await fetch(`${url}/oauth/ro`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username, password, scope: 'openid' }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const subject = (idToken: string) => (JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;

describe('users export, then users import into a fresh database: a restore path, argon2id hashes included', () => {
  it('brings every user back with its id, profile, block and hash; the old passwords log in; a re-run skips them', async () => {
    const original = { OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'old', 'oauth-ro.db')}` };
    // An argon2id user (created here), a user still on an imported bcrypt hash, a blocked user.
    expect((await oauthRo(['users', 'create', '--connection', CONNECTION, '--email', 'ann@example.com', '--password', 'Ann-0ld-Passw0rd!'], original)).code).toBe(0);
    const bcrypt = await hash('B0b-0ld-Passw0rd', { cost: 4 });
    const auth0 = join(temp.dir, 'auth0.jsonl');
    await writeFile(
      auth0,
      [
        JSON.stringify({ user_id: 'auth0|bob', email: 'bob@example.com', username: 'bob', password_hash: bcrypt, user_metadata: { locale: 'fr' }, app_metadata: { plan: 'pro' } }),
        JSON.stringify({ user_id: 'auth0|carol', email: 'carol@example.com', password_hash: await hash('Car0l-0ld-Passw0rd', { cost: 4 }), blocked: true }),
      ].join('\n'),
    );
    expect((await oauthRo(['users', 'import', '--connection', CONNECTION, auth0], original)).code).toBe(0);

    const exported = await oauthRo(['users', 'export'], original);
    expect([exported.code, exported.stderr]).toEqual([0, 'exported 3 user(s)\n']);
    expect(exported.stdout).toMatch(/"algorithm":"argon2","hash":\{"value":"\$argon2id\$v=19\$/);
    const backup = join(temp.dir, 'users.jsonl');
    await writeFile(backup, exported.stdout);

    const restored = { OAUTH_RO_DATABASE: RESTORED };
    const first = await oauthRo(['users', 'import', '--connection', CONNECTION, backup], restored);
    expect(first).toEqual({ code: 0, stdout: `imported 3, skipped 0 already there, refused 0 into ${CONNECTION}\n`, stderr: '' });
    const again = await oauthRo(['users', 'import', '--connection', CONNECTION, backup], restored);
    expect(again.stdout).toBe(`imported 0, skipped 3 already there, refused 0 into ${CONNECTION}\n`);

    // Exported again from the restored database, every user is what the backup held: nothing lost or
    // changed (PostgreSQL's jsonb orders an object's keys its own way, hence parsed lines).
    const lines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    const reexported = await oauthRo(['users', 'export'], restored);
    expect(lines(reexported.stdout)).toEqual(lines(exported.stdout));

    const server = await startServerProcess(restored);
    onTestFinished(() => server.kill());
    const ann = await login(server.url, 'ann@example.com', 'Ann-0ld-Passw0rd!');
    expect(ann.status, JSON.stringify(ann.json)).toBe(200);
    expect(subject(ann.json.id_token)).toBe(/"user_id":"(auth0\|[0-9a-f]+)","email":"ann@example\.com"/.exec(exported.stdout)![1]);
    expect((await login(server.url, 'ann@example.com', 'wrong-Passw0rd!')).status).toBe(401);
    const bob = await login(server.url, 'bob', 'B0b-0ld-Passw0rd');
    expect([bob.status, subject(bob.json.id_token)]).toEqual([200, 'auth0|bob']);
    expect((await login(server.url, 'carol@example.com', 'Car0l-0ld-Passw0rd')).json).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });
  });
});
