import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { createArgon2Hasher } from '@oauth-ro/argon2';
import { createOAuthRo, systemClock, webCryptoRandom, type OAuthRo, type OAuthRoConfig } from '@oauth-ro/core';
import { base32Decode, totpCode, totpStep } from '@oauth-ro/core/internal';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { decodeQrModules, qrModulesFromHalfBlocks } from '@oauth-ro/test-kit';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { zeroConfig } from '../config/zero-config.js';
import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const CONNECTION = 'Username-Password-Authentication';
const PASSWORD = 'Corr3ct-Horse-Battery';
/** A key-encryption key for these tests only (32 bytes, hex). */
const KEK = '7e'.repeat(32);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-cli-mfa-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let databases = 0;
function freshDatabase(): string {
  databases += 1;
  return join(dir, `mfa-${databases}.db`);
}

/** Runs one command line in-process against `db` (with the test KEK unless `env` says otherwise). */
async function cli(db: string, argv: string[], options: { env?: Record<string, string>; stdin?: CliIo['stdin']; onOut?: (line: string) => void } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => {
      out.push(line);
      options.onOut?.(line);
    },
    err: (line) => err.push(line),
    stdin: options.stdin ?? Readable.from(['']),
    env: { OAUTH_RO_DATABASE: `sqlite:${db}`, OAUTH_RO_KEY_ENCRYPTION_KEY: KEK, ...options.env },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function createAlice(db: string): Promise<string> {
  const created = await runCli(['users', 'create', '--connection', CONNECTION, '--email', 'alice@example.com', '--password-stdin'], {
    out: () => undefined,
    err: () => undefined,
    stdin: Readable.from([`${PASSWORD}\n`]),
    env: { OAUTH_RO_DATABASE: `sqlite:${db}` },
  });
  expect(created).toBe(0);
  const stores = await openSqliteStores(db);
  const user = await stores.users.find(CONNECTION, { email: 'alice@example.com' });
  stores.close();
  return user!.user_id;
}

const secretOf = (uri: string) => /[?&]secret=([A-Z2-7]+)/.exec(uri)![1]!;
const codeNow = (secret: string) => totpCode(base32Decode(secret)!, totpStep(Date.now()));

/** The zero-config server on `db` with MFA on for its database connection, sealing with the test KEK. */
async function mfaServerOn(db: string): Promise<OAuthRo> {
  const base = zeroConfig('http://127.0.0.1:3000/');
  const config: OAuthRoConfig = { ...base, connections: base.connections.map((c) => (c.name === CONNECTION ? { ...c, options: { ...c.options, mfa: { active: true } } } : c)) };
  const stores = await openSqliteStores(db);
  const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher: await createArgon2Hasher(), clock: systemClock, random: webCryptoRandom }, keyEncryptionKey: KEK });
  onTestFinished(async () => {
    await oauthRo.close();
    stores.close();
  });
  return oauthRo;
}

async function login(oauthRo: OAuthRo, extra: Record<string, unknown> = {}) {
  const res = await oauthRo.handle({
    method: 'POST',
    path: '/oauth/ro',
    headers: { 'content-type': 'application/json' },
    rawBody: JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username: 'alice@example.com', password: PASSWORD, scope: 'openid', ...extra }),
    ip: '203.0.113.7',
  });
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
}

describe('oauth-ro users mfa', () => {
  it('enroll prints the otpauth URI and a QR code of it, --code confirms, and the server asks for codes from that key', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const begun = await cli(db, ['users', 'mfa', 'enroll', 'alice@example.com', '--name', 'Work phone']);
    expect(begun.code).toBe(0);
    const [uri, ...qr] = begun.out.split('\n');
    expect(uri).toMatch(/^otpauth:\/\/totp\/127\.0\.0\.1%3A3000:alice%40example\.com\?secret=[A-Z2-7]{32}&issuer=127\.0\.0\.1%3A3000&algorithm=SHA1&digits=6&period=30$/);
    expect(decodeQrModules(qrModulesFromHalfBlocks(qr.join('\n')))).toBe(uri);
    expect(qr.join('')).not.toContain('\x1b[');
    expect(begun.err).toContain(`oauth-ro users mfa enroll ${id} --code`);

    const pending = await cli(db, ['users', 'mfa', 'list', id]);
    expect(pending.out).toMatch(new RegExp(`^id\\tstatus\\tenrolled_at\\tlast_auth\\tname\\ntotp\\|dev_[\\w-]+\\tpending\\t\\d{4}-[^\\t]+\\t\\tWork phone$`));

    const secret = secretOf(uri!);
    expect(await cli(db, ['users', 'mfa', 'enroll', id, '--code', '12'])).toMatchObject({ code: 2, err: expect.stringContaining('the code is the 6 digits the app shows') });
    const wrongCode = String((Number(await codeNow(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await cli(db, ['users', 'mfa', 'enroll', id, '--code', wrongCode])).toMatchObject({ code: 1, err: expect.stringContaining('wrong or expired code') });
    const code = await codeNow(secret);
    const confirmed = await cli(db, ['users', 'mfa', 'enroll', 'alice@example.com', '--code', code]);
    expect(confirmed.code).toBe(0);
    const recovery = /^recovery code: ([A-Z0-9]{16,})$/.exec(confirmed.out)?.[1];
    expect(recovery).toBeDefined();
    expect((await cli(db, ['users', 'mfa', 'list', id, '--json'])).out).toMatch(/"status":"confirmed"/);
    expect(await cli(db, ['users', 'mfa', 'enroll', id, '--code', code])).toMatchObject({ code: 1, err: expect.stringContaining('has no pending enrolment') });

    // The server, on the same database and key, now asks for a code, and takes a fresh one.
    const oauthRo = await mfaServerOn(db);
    expect((await login(oauthRo)).body.error).toBe('a0.mfa_required');
    expect((await login(oauthRo, { mfa_code: recovery })).status).toBe(200);
  });

  it('enroll on a terminal asks for the first code and prints the recovery code', async () => {
    const db = freshDatabase();
    await createAlice(db);
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const run = cli(db, ['users', 'mfa', 'enroll', 'alice@example.com'], {
      stdin,
      onOut: (line) => {
        if (line.startsWith('otpauth://')) void codeNow(secretOf(line)).then((code) => stdin.write(`${code}\n`));
      },
    });
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.err).toContain('Code from the app: ');
    expect(result.out.split('\n').at(-1)).toMatch(/^recovery code: [A-Z0-9]{16,}$/);
  });

  it('enroll refuses without a key-encryption key; reset deletes the enrolments', async () => {
    const db = freshDatabase();
    const id = await createAlice(db);
    const noKek = await cli(db, ['users', 'mfa', 'enroll', id], { env: { OAUTH_RO_KEY_ENCRYPTION_KEY: '' } });
    // Refused before anything was opened or made (no signing key was created unsealed).
    expect(noKek).toMatchObject({ code: 1, out: '', err: expect.stringContaining('OAUTH_RO_KEY_ENCRYPTION_KEY is not set') });
    expect((await cli(db, ['users', 'mfa', 'enroll', id])).code).toBe(0);
    expect(await cli(db, ['users', 'mfa', 'reset', 'alice@example.com'])).toEqual({ code: 0, out: `deleted 1 MFA enrolment of ${id} (alice@example.com)`, err: '' });
    expect(await cli(db, ['users', 'mfa', 'reset', id])).toEqual({ code: 0, out: `deleted 0 MFA enrolments of ${id} (alice@example.com)`, err: '' });
    expect((await cli(db, ['users', 'mfa', 'list', id])).out).toBe('id\tstatus\tenrolled_at\tlast_auth\tname');
    expect(await cli(db, ['users', 'mfa', 'list', 'nobody@example.com'])).toMatchObject({ code: 1, err: 'oauth-ro users mfa list: no user nobody@example.com' });
    const help = await cli(db, ['--help']);
    for (const name of ['users mfa enroll', 'users mfa list', 'users mfa reset']) expect(help.out).toContain(`  ${name} `);
  });
});
