import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createArgon2Hasher } from '@oauth-ro/argon2';
import { createOAuthRo, systemClock, webCryptoRandom, type OAuthRo } from '@oauth-ro/core';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { zeroConfig } from '../config/zero-config.js';
import { runCli } from './run-cli.js';

const CONNECTION = 'Username-Password-Authentication';
const PASSWORD = 'Corr3ct-Horse-Battery';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let databases = 0;
/** A fresh SQLite database for one test. */
function freshDatabase(): string {
  databases += 1;
  return join(dir, `cli-${databases}.db`);
}

/** Runs one command line in-process against `db`, with `stdin` as standard input. */
async function cli(db: string, argv: string[], stdin = '', env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdin: Readable.from([stdin]),
    env: { OAUTH_RO_DATABASE: `sqlite:${db}`, ...env },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The zero-config oauth-ro the server would run on `db`, to log in through. */
async function serverOn(db: string): Promise<OAuthRo> {
  const stores = await openSqliteStores(db);
  const oauthRo = await createOAuthRo({
    config: zeroConfig('http://127.0.0.1:3000/'),
    deps: { ...stores, hasher: await createArgon2Hasher(), clock: systemClock, random: webCryptoRandom },
  });
  onTestFinished(async () => {
    await oauthRo.close();
    stores.close();
  });
  return oauthRo;
}

async function login(oauthRo: OAuthRo, username: string, password: string, ip = '203.0.113.7') {
  const res = await oauthRo.handle({
    method: 'POST',
    path: '/oauth/ro',
    headers: { 'content-type': 'application/json' },
    rawBody: JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username, password, scope: 'openid' }),
    ip,
  });
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
}

async function createAlice(db: string): Promise<string> {
  const created = await cli(db, ['users', 'create', '--connection', CONNECTION, '--email', 'Alice@Example.com', '--password-stdin'], `${PASSWORD}\n`);
  expect(created).toMatchObject({ code: 0, err: '' });
  const id = /^created (auth0\|[0-9a-f]{24}) \(alice@example\.com\) in Username-Password-Authentication$/.exec(created.out)?.[1];
  expect(id).toBeDefined();
  return id!;
}

describe('oauth-ro CLI: usage', () => {
  it('lists every command for --help, help and no command at all', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const { code, out } = await cli(freshDatabase(), argv);
      expect(code).toBe(0);
      for (const name of ['users create', 'users list', 'users export', 'users block', 'users unblock', 'users delete', 'users set-password', 'users import', 'blocks list', 'blocks release', 'keys list', 'keys rotate', 'config validate', 'convert']) {
        expect(out).toContain(`  ${name} `);
      }
    }
  });

  it('prints the package version for --version, -v and version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const argv of [['--version'], ['-v'], ['version']]) {
      expect(await cli(freshDatabase(), argv)).toMatchObject({ code: 0, out: version, err: '' });
    }
  });

  it('prints each command its own help, exit 0', async () => {
    const { code, out } = await cli(freshDatabase(), ['users', 'import', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: oauth-ro users import --connection <name> <file \| ->/);
  });

  it('exits 2 with the reason and the usage line for a wrong command line', async () => {
    const db = freshDatabase();
    expect(await cli(db, ['nope'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "nope"') });
    expect(await cli(db, ['users'])).toMatchObject({ code: 2, err: expect.stringContaining('oauth-ro users create') });
    expect(await cli(db, ['users', 'frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "users frobnicate"') });
    const bogus = await cli(db, ['users', 'list', '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toBe("oauth-ro users list: Unknown option '--bogus'\nUsage: oauth-ro users list [--connection <name>] [--json]");
    expect(await cli(db, ['users', 'import', '--connection', CONNECTION])).toMatchObject({ code: 2, err: expect.stringContaining('missing argument') });
    expect(await cli(db, ['users', 'block', 'a', 'b'])).toMatchObject({ code: 2, err: expect.stringContaining('unexpected argument "b"') });
    expect(await cli(db, ['users', 'create', '--email', 'a@example.com', '--password-stdin'])).toMatchObject({ code: 2, err: expect.stringContaining('--connection is required') });
    expect(await cli(db, ['keys', 'rotate', '--alg', 'HS256'])).toMatchObject({ code: 2, err: expect.stringContaining('--alg must be one of RS256, ES256, EdDSA') });
  });

  it('exits 1 with the variable named for a bad environment, and no stack trace', async () => {
    const result = await cli(freshDatabase(), ['users', 'list'], '', { OAUTH_RO_DATABASE: 'mysql://u:secret@h/db' });
    expect(result.code).toBe(1);
    expect(result.err).toBe('oauth-ro users list: OAUTH_RO_DATABASE: unsupported scheme "mysql"; use sqlite:<path> or a postgres:// URL');
  });
});

describe('oauth-ro CLI: users', () => {
  it('creates a user from a password on stdin that logs in, and never prints the password', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const oauthRo = await serverOn(db);
    const ok = await login(oauthRo, 'alice@example.com', PASSWORD);
    expect(ok.status).toBe(200);
    const again = await cli(db, ['users', 'create', '--connection', CONNECTION, '--email', 'alice@example.com', '--password-stdin'], `${PASSWORD}\n`);
    expect(again).toEqual({ code: 1, out: '', err: `oauth-ro users create: a user with this email already exists in ${CONNECTION}` });
    const list = await cli(db, ['users', 'list']);
    expect(list.out).toContain(`${id}\t${CONNECTION}\talice@example.com\t\tfalse\targon2id\t`);
    expect(`${list.out}${list.err}`).not.toContain(PASSWORD);
    expect(`${list.out}${list.err}`).not.toContain('$argon2id$');
  });

  it('refuses a password the policy refuses, a missing or doubled password option, an unknown connection', async () => {
    const db = freshDatabase();
    const base = ['users', 'create', '--connection', CONNECTION, '--email', 'bob@example.com'];
    expect(await cli(db, [...base, '--password-stdin'], 'weak\n')).toEqual({ code: 1, out: '', err: 'oauth-ro users create: Password is too weak: at least 8 characters in length; should contain: upper case letters (A-Z), numbers (i.e. 0-9)' });
    expect(await cli(db, base)).toMatchObject({ code: 2, err: expect.stringContaining('give exactly one of --password-stdin and --password') });
    expect(await cli(db, [...base, '--password-stdin', '--password', PASSWORD])).toMatchObject({ code: 2 });
    expect(await cli(db, [...base, '--password-stdin'], '')).toEqual({ code: 1, out: '', err: 'oauth-ro users create: no password on standard input' });
    const elsewhere = await cli(db, ['users', 'create', '--connection', 'nope', '--email', 'bob@example.com', '--password-stdin'], PASSWORD);
    expect(elsewhere.err).toBe(`oauth-ro users create: no database connection "nope" in the configuration; database connections: ${CONNECTION}`);
    const given = await cli(db, [...base, '--password', PASSWORD]);
    expect(given.code).toBe(0);
    expect(given.err).toContain('prefer --password-stdin');
    expect(given.err).not.toContain(PASSWORD);
  });

  it('lists users as JSON lines, per connection, without their hashes', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const { code, out } = await cli(db, ['users', 'list', '--json', '--connection', CONNECTION]);
    expect(code).toBe(0);
    const lines = out.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ user_id: id, email: 'alice@example.com', blocked: false, connection: CONNECTION, password: 'argon2id' })]);
    expect(out).not.toContain('password_hash');
    expect((await cli(db, ['users', 'list', '--json', '--connection', 'other'])).out).toBe('');
  });

  it('blocks a user (right password: 401 unauthorized) and unblocks it (200), by email or user_id', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const oauthRo = await serverOn(db);
    expect(await cli(db, ['users', 'block', 'ALICE@example.com'])).toEqual({ code: 0, out: `blocked ${id} (alice@example.com)`, err: '' });
    expect(await login(oauthRo, 'alice@example.com', PASSWORD)).toEqual({ status: 401, body: { error: 'unauthorized', error_description: 'user is blocked' } });
    expect((await cli(db, ['users', 'list'])).out).toContain(`${id}\t${CONNECTION}\talice@example.com\t\ttrue\t`);
    const unblocked = await cli(db, ['users', 'unblock', id]);
    expect(unblocked).toEqual({ code: 0, out: `unblocked ${id} (alice@example.com): administrator block lifted, 0 brute-force blocks released`, err: '' });
    expect((await login(oauthRo, 'alice@example.com', PASSWORD)).status).toBe(200);
    expect(await cli(db, ['users', 'block', 'nobody@example.com'])).toEqual({ code: 1, out: '', err: 'oauth-ro users block: no user nobody@example.com' });
    expect(await cli(db, ['users', 'block', 'auth0|nobody'])).toEqual({ code: 1, out: '', err: 'oauth-ro users block: no user with user_id auth0|nobody' });
  });

  it('sets a password (policy checked, never printed); the new one logs in, the old one no longer', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const oauthRo = await serverOn(db);
    const base = ['users', 'set-password', 'alice@example.com', '--password-stdin'];
    expect(await cli(db, base, 'weak\n')).toEqual({ code: 1, out: '', err: 'oauth-ro users set-password: Password is too weak: at least 8 characters in length; should contain: upper case letters (A-Z), numbers (i.e. 0-9)' });
    const set = await cli(db, base, 'N3w-Corr3ct-Horse\n');
    expect(set).toEqual({ code: 0, out: `password set for ${id} (alice@example.com)`, err: '' });
    expect((await login(oauthRo, 'alice@example.com', 'N3w-Corr3ct-Horse')).status).toBe(200);
    expect((await login(oauthRo, 'alice@example.com', PASSWORD)).status).toBe(401);
    expect(await cli(db, ['users', 'set-password', 'alice@example.com'])).toMatchObject({ code: 2 });
  });

  it('ends the user\'s sessions when it sets a password, unless --keep-sessions', async () => {
    const db = freshDatabase();
    await createAlice(db);
    const oauthRo = await serverOn(db);
    const session = async (password: string) => {
      const res = await oauthRo.handle({
        method: 'POST',
        path: '/oauth/ro',
        headers: { 'content-type': 'application/json' },
        rawBody: JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username: 'alice@example.com', password, scope: 'openid offline_access', device: 'laptop' }),
        ip: '203.0.113.7',
      });
      return (JSON.parse(res.body) as { refresh_token: string }).refresh_token;
    };
    const refresh = async (refresh_token: string) =>
      (
        await oauthRo.handle({
          method: 'POST',
          path: '/oauth/token',
          headers: { 'content-type': 'application/json' },
          rawBody: JSON.stringify({ client_id: 'demo', grant_type: 'refresh_token', refresh_token }),
          ip: '203.0.113.7',
        })
      ).status;
    const kept = await session(PASSWORD);
    expect((await cli(db, ['users', 'set-password', 'alice@example.com', '--password-stdin', '--keep-sessions'], 'N3w-Corr3ct-Horse\n')).code).toBe(0);
    expect(await refresh(kept)).toBe(200);
    expect((await cli(db, ['users', 'set-password', 'alice@example.com', '--password-stdin'], 'Th1rd-Corr3ct-Horse\n')).code).toBe(0);
    expect(await refresh(kept)).toBe(403);
  });

  it('deletes a user by user_id only', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    expect(await cli(db, ['users', 'delete', 'alice@example.com'])).toMatchObject({ code: 2 });
    expect(await cli(db, ['users', 'delete', id])).toEqual({ code: 0, out: `deleted ${id}`, err: '' });
    expect(await cli(db, ['users', 'delete', id])).toEqual({ code: 1, out: '', err: `oauth-ro users delete: no user with user_id ${id}` });
    expect((await cli(db, ['users', 'list'])).out.split('\n')).toHaveLength(1);
  });
});

describe('oauth-ro CLI: brute-force blocks', () => {
  it('lists the block ten failures made, releases it, and the user logs in again', async () => {
    const db = freshDatabase();
    await createAlice(db);
    const oauthRo = await serverOn(db);
    for (let i = 0; i < 10; i += 1) expect((await login(oauthRo, 'alice@example.com', 'wrong')).status).toBe(401);
    expect((await login(oauthRo, 'alice@example.com', PASSWORD)).status).toBe(429);

    const listed = await cli(db, ['blocks', 'list']);
    expect(listed.code).toBe(0);
    const [header, row, ...rest] = listed.out.split('\n');
    expect(header).toBe('connection\tidentifier\tip\tcount\texpires_at');
    expect(row).toMatch(new RegExp(`^${CONNECTION}\\talice@example\\.com\\t203\\.0\\.113\\.7\\t1[01]\\t\\d{4}-\\d\\d-\\d\\dT`));
    expect(rest).toEqual([]);
    const json = await cli(db, ['blocks', 'list', '--json', '--identifier', 'Alice@Example.com']);
    expect(JSON.parse(json.out)).toMatchObject({ connection: CONNECTION, identifier: 'alice@example.com', ip: '203.0.113.7' });
    expect((await cli(db, ['blocks', 'list', '--identifier', 'bob@example.com'])).out).toBe('connection\tidentifier\tip\tcount\texpires_at');

    const released = await cli(db, ['blocks', 'release', 'alice@example.com']);
    expect(released).toEqual({
      code: 0,
      out: `released ${CONNECTION}\talice@example.com\t203.0.113.7\n1 block released for alice@example.com`,
      err: '',
    });
    expect((await login(oauthRo, 'alice@example.com', PASSWORD)).status).toBe(200);
    expect((await cli(db, ['blocks', 'list'])).out.split('\n')).toHaveLength(1);
  });

  it('users unblock releases the brute-force blocks of the user too', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const oauthRo = await serverOn(db);
    for (let i = 0; i < 10; i += 1) await login(oauthRo, 'alice@example.com', 'wrong', '198.51.100.1');
    expect((await login(oauthRo, 'alice@example.com', PASSWORD, '198.51.100.1')).status).toBe(429);
    expect((await cli(db, ['users', 'unblock', 'alice@example.com'])).out).toBe(
      `unblocked ${id} (alice@example.com): was not blocked by an administrator, 1 brute-force block released`,
    );
    expect((await login(oauthRo, 'alice@example.com', PASSWORD, '198.51.100.1')).status).toBe(200);
  });
});

describe('oauth-ro CLI: keys, config, convert', () => {
  it('rotates the signing key: a new kid, the old one still published', async () => {
    const db = freshDatabase();
    const oauthRo = await serverOn(db);
    const jwks = async () => (JSON.parse((await oauthRo.handle({ method: 'GET', path: '/.well-known/jwks.json', headers: {}, ip: '127.0.0.1' })).body) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
    const before = await jwks();
    const rotated = await cli(db, ['keys', 'rotate']);
    expect(rotated.code).toBe(0);
    const kid = /^new RS256 signing key (\S+);/.exec(rotated.out)?.[1];
    expect(kid).toBeDefined();
    expect(before).not.toContain(kid);
    const stores = await openSqliteStores(db);
    onTestFinished(() => stores.close());
    const records = await stores.keys.list();
    expect(records.find((r) => r.kid === kid)).toMatchObject({ alg: 'RS256' });
    expect(records.find((r) => r.kid === before[0])?.retired_at).toBeTypeOf('number');
    expect((await oauthRo.publicJwk(kid!))?.kid).toBe(kid);
  });

  it('exports users with their hashes in Auth0 bulk-import shape, one JSON line each', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const exported = await cli(db, ['users', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe('exported 1 user(s)');
    const [line] = exported.out.split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(line).toMatchObject({ user_id: id, email: 'alice@example.com', connection: CONNECTION, custom_password_hash: { algorithm: 'argon2' } });
    expect(line!.custom_password_hash.hash.value).toMatch(/^\$argon2id\$/);
    expect((await cli(db, ['users', 'export', '--connection', 'other'])).err).toBe('exported 0 user(s)');
  });

  it('lists the signing keys, newest first, active and retired, never a private key', async () => {
    const db = freshDatabase();
    await serverOn(db);
    const rotated = await cli(db, ['keys', 'rotate']);
    const kid = /^new RS256 signing key (\S+);/.exec(rotated.out)![1]!;
    const listed = await cli(db, ['keys', 'list', '--json']);
    expect(listed.code).toBe(0);
    const rows = listed.out.split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(rows[0]).toMatchObject({ kid, alg: 'RS256', status: 'active', private_key: 'plain' });
    expect(rows.slice(1).every((r) => r.status?.startsWith('retired '))).toBe(true);
    expect(listed.out).not.toMatch(/"d"|private_jwk/);
    const table = await cli(db, ['keys', 'list']);
    expect(table.out.split('\n')[0]).toBe('kid\talg\tcreated_at\tstatus\tprivate_key');
  });

  it('validates a configuration file with the server loader: OK, or the file and path and exit 1', async () => {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ issuer: 'https://auth.example.com/', clients: [{ client_id: 'app' }], connections: [] }));
    expect(await cli(freshDatabase(), ['config', 'validate', good])).toEqual({
      code: 0,
      out: `OK ${good}: issuer https://auth.example.com/, 1 client(s), 0 connection(s)`,
      err: '',
    });
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'issuer: https://auth.example.com/\nclients: []\nconnections:\n  - name: x\n    strategy: nope\n');
    const result = await cli(freshDatabase(), ['config', 'validate', bad]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: connections\\[0\\]\\.strategy: `));
    expect(await cli(freshDatabase(), ['config', 'validate'], '', { OAUTH_RO_CONFIG: good })).toMatchObject({ code: 0 });
    expect(await cli(freshDatabase(), ['config', 'validate'])).toMatchObject({ code: 2, err: expect.stringContaining('name a file, or set OAUTH_RO_CONFIG') });
    expect(await cli(freshDatabase(), ['config', 'validate', join(dir, 'missing.json')])).toMatchObject({ code: 1, err: expect.stringContaining('the file does not exist') });
  });

  it('converts an Auth0 tenant export into a configuration, to stdout or --out', async () => {
    const tenant = join(dir, 'tenant.json');
    await writeFile(
      tenant,
      JSON.stringify({
        clients: [{ client_id: 'abc123', name: 'Mobile', client_secret: 'shh-very-secret' }],
        connections: [{ name: CONNECTION, strategy: 'auth0', enabled_clients: ['abc123'], options: {} }],
      }),
    );
    const printed = await cli(freshDatabase(), ['convert', tenant]);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.out) as { clients: Array<{ client_id: string }>; connections: Array<{ name: string }> };
    expect(config.clients.map((c) => c.client_id)).toEqual(['abc123']);
    expect(config.connections.map((c) => c.name)).toEqual([CONNECTION]);
    expect(printed.out + printed.err).not.toContain('shh-very-secret');
    expect(printed.err).toContain('warning: ');

    const out = join(dir, 'converted.yaml');
    expect((await cli(freshDatabase(), ['convert', tenant, '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('client_id: abc123');
    expect(await cli(freshDatabase(), ['convert', tenant, '--out', out])).toMatchObject({ code: 1, err: expect.stringContaining('exists already (--force overwrites it)') });
    expect((await cli(freshDatabase(), ['convert', tenant, '--out', out, '--force'])).code).toBe(0);
    const notExport = join(dir, 'not-export.json');
    await writeFile(notExport, '{"hello": 1}');
    expect(await cli(freshDatabase(), ['convert', notExport])).toMatchObject({ code: 1, err: expect.stringContaining('not an Auth0 tenant export') });
  });
});

describe('oauth-ro CLI: users import', () => {
  it('imports from stdin ("-") and reports counts; a second run skips them all', async () => {
    const db = freshDatabase();
    const { hash } = await import('@node-rs/bcrypt');
    const bcrypt = await hash('Old-Passw0rd', { cost: 4 });
    const file = `${JSON.stringify({ user_id: 'auth0|u1', email: 'u1@example.com', password_hash: bcrypt })}\nnot json\n`;
    const first = await cli(db, ['users', 'import', '--connection', CONNECTION, '-'], file);
    expect(first).toEqual({ code: 1, out: `imported 1, skipped 0 already there, refused 1 into ${CONNECTION}`, err: 'stdin:2: not valid JSON' });
    const second = await cli(db, ['users', 'import', '--connection', CONNECTION, '-'], file.split('\n')[0]);
    expect(second).toEqual({ code: 0, out: `imported 0, skipped 1 already there, refused 0 into ${CONNECTION}`, err: '' });
    expect((await cli(db, ['users', 'list'])).out).toContain(`auth0|u1\t${CONNECTION}\tu1@example.com\t\tfalse\tbcrypt\t`);
    expect(await cli(db, ['users', 'import', '--connection', CONNECTION, join(dir, 'missing.jsonl')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('missing.jsonl: the file does not exist'),
    });
  });
});

describe('oauth-ro CLI: account tickets and verification', () => {
  it('tickets password-change prints a single-use link the reset page accepts', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const made = await cli(db, ['tickets', 'password-change', 'alice@example.com', '--ttl', '600', '--result-url', 'https://app.example.com/done']);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^http:\/\/127\.0\.0\.1:3000\/lo\/reset\?ticket=[A-Za-z0-9_-]{43}#$/);
    expect(made.err).toMatch(new RegExp(`^password change ticket for ${id.replace('|', '\\|')} \\(alice@example\\.com\\), valid until \\d{4}-`));
    const oauthRo = await serverOn(db);
    const page = await oauthRo.handle({ method: 'GET', path: '/lo/reset', query: made.out.split('?')[1]!.replace('#', ''), headers: {}, ip: '203.0.113.7' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Change your password');
    expect(await cli(db, ['tickets', 'password-change', 'alice@example.com', '--ttl', '5'])).toMatchObject({ code: 2 });
    expect(await cli(db, ['tickets', 'password-change', 'alice@example.com', '--result-url', 'javascript:alert(1)'])).toMatchObject({ code: 2 });
    expect(await cli(db, ['tickets', 'password-change', 'nobody@example.com'])).toMatchObject({ code: 1, err: 'oauth-ro tickets password-change: no user nobody@example.com' });
  });

  it('users verify-email sets email_verified (and --unverify clears it)', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    expect(await cli(db, ['users', 'verify-email', 'alice@example.com'])).toEqual({ code: 0, out: `verified the email of ${id} (alice@example.com)`, err: '' });
    const stores = await openSqliteStores(db);
    expect((await stores.users.findById(id))?.profile.email_verified).toBe(true);
    await stores.close();
    expect(await cli(db, ['users', 'verify-email', id, '--unverify'])).toMatchObject({ code: 0, out: `unverified the email of ${id} (alice@example.com)` });
  });
});
