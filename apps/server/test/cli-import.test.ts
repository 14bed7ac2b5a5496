import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hash } from '@node-rs/bcrypt';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runOauthRo as oauthRo } from './run-oauth-ro.js';
import { startServerProcess, tempDir } from './spawn-server.js';

const CONNECTION = 'Username-Password-Authentication';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

async function login(url: string, username: string, password: string) {
  const res = await fetch(`${url}/oauth/ro`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username, password, scope: 'openid email' }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

function claims(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('importing Auth0 users with the oauth-ro binary, then logging them in on the real server', () => {
  it('keeps ids and bcrypt hashes; the old password logs in and the hash becomes argon2id', async () => {
    // Auth0 hashes with bcrypt at cost 10; the three prefixes appear in exports from different eras.
    const alice = await hash('Alice-0ld-Passw0rd', { cost: 10, version: '2a' });
    const bob = await hash('B0b-0ld-Passw0rd', { cost: 10, version: '2b' });
    const carol = await hash('Car0l-0ld-Passw0rd', { cost: 10, version: '2y' });
    const lines = [
      JSON.stringify({ user_id: 'auth0|5f8a1c2e9b3d4a0012345678', email: 'Alice@Example.com', email_verified: true, name: 'Alice Liddell', created_at: '2019-03-04T05:06:07.089Z', password_hash: alice }),
      JSON.stringify({ user_id: 'auth0|5f8a1c2e9b3d4a0012345679', email: 'bob@example.com', username: 'bob', custom_password_hash: { algorithm: 'bcrypt', hash: { value: bob } } }),
      // The password-hash export Auth0 support hands over: MongoDB _id, identifiers, connection.
      JSON.stringify({
        _id: { $oid: '5f8a1c2e9b3d4a0012345680' },
        passwordHash: carol,
        password_set_date: { $date: '2020-01-02T03:04:05.678Z' },
        tenant: 'example',
        connection: CONNECTION,
        identifiers: [{ type: 'email', value: 'carol@example.com', verified: true }],
      }),
      JSON.stringify({ user_id: 'auth0|md5user', email: 'dave@example.com', custom_password_hash: { algorithm: 'md5', hash: { value: '5f4dcc3b5aa765d61d8327deb882cf99' } } }),
      `{"user_id": "auth0|broken", "password_hash": "${alice}"`,
    ];
    const file = join(temp.dir, 'auth0-users.json');
    await writeFile(file, `${lines.join('\n')}\n`);
    const env = { OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'data', 'oauth-ro.db')}` };

    const first = await oauthRo(['users', 'import', '--connection', CONNECTION, file], env);
    expect(first.stdout).toBe(`imported 3, skipped 0 already there, refused 2 into ${CONNECTION}\n`);
    expect(first.stderr).toBe(
      `${file}:4: custom_password_hash: algorithm "md5" cannot be verified here; only bcrypt and argon2 (argon2id) hashes are imported\n${file}:5: not valid JSON\n`,
    );
    expect(first.code).toBe(1);
    for (const secret of [alice, bob, carol, '5f4dcc3b5aa765d61d8327deb882cf99']) expect(first.stdout + first.stderr).not.toContain(secret.slice(7));

    const again = await oauthRo(['users', 'import', '--connection', CONNECTION, file], env);
    expect(again.stdout).toBe(`imported 0, skipped 3 already there, refused 2 into ${CONNECTION}\n`);

    const server = await startServerProcess(env);
    onTestFinished(() => server.kill());

    const ok = await login(server.url, 'alice@example.com', 'Alice-0ld-Passw0rd');
    expect(ok.status).toBe(200);
    expect(claims(ok.json.id_token)).toMatchObject({ sub: 'auth0|5f8a1c2e9b3d4a0012345678', email: 'alice@example.com' });
    expect((await login(server.url, 'alice@example.com', 'wrong-password')).status).toBe(401);
    expect((await login(server.url, 'bob', 'B0b-0ld-Passw0rd')).status).toBe(200);
    expect((await login(server.url, 'carol@example.com', 'Car0l-0ld-Passw0rd')).status).toBe(200);
    const dave = JSON.stringify({ user_id: 'auth0|dave', email: 'dave@example.com', passwordHash: await hash('Dave-0ld-Passw0rd', { cost: 4 }), blocked: true });
    await writeFile(join(temp.dir, 'blocked.json'), `[${dave}]`);
    expect((await oauthRo(['users', 'import', '--connection', CONNECTION, join(temp.dir, 'blocked.json')], env)).stdout).toBe(
      `imported 1, skipped 0 already there, refused 0 into ${CONNECTION}\n`,
    );
    expect((await login(server.url, 'dave@example.com', 'Dave-0ld-Passw0rd')).json).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });

    const stores = await openSqliteStores(env.OAUTH_RO_DATABASE);
    onTestFinished(() => stores.close());
    expect((await stores.users.findById('auth0|5f8a1c2e9b3d4a0012345678'))?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await stores.users.findById('auth0|5f8a1c2e9b3d4a0012345679'))?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await stores.users.findById('auth0|5f8a1c2e9b3d4a0012345680')).toMatchObject({ email: 'carol@example.com', password_hash: expect.stringMatching(/^\$argon2id\$/) });
    // Dave's right password was checked, but a blocked user is refused before any rehash.
    expect((await stores.users.findById('auth0|dave'))?.password_hash).toMatch(/^\$2b\$04\$/);

    expect((await login(server.url, 'alice@example.com', 'Alice-0ld-Passw0rd')).status).toBe(200);
    expect((await login(server.url, 'alice@example.com', 'wrong-password')).status).toBe(401);

    const listed = await oauthRo(['users', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').filter((l) => l.startsWith('auth0|')).map((l) => l.split('\t')[5])).toEqual(['argon2id', 'argon2id', 'argon2id', 'bcrypt']);
  });

  it('without a command the binary still starts the server; with one it only runs it', async () => {
    const env = { OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'other.db')}` };
    const help = await oauthRo(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('oauth-ro <command> [options]');
    expect((await oauthRo(['users', 'nope'], env)).code).toBe(2);
    const server = await startServerProcess(env);
    onTestFinished(() => server.kill());
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
