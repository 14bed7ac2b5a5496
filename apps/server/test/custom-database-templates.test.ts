import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOauthRo } from './run-oauth-ro.js';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

/**
 * Auth0's six PostgreSQL custom-database templates, unchanged (test/fixtures/auth0-postgresql-templates),
 * run by the real server's script runner against the database they name (`postgres://user:pass@localhost/mydb`,
 * created here): sign-up, login, email verification, password reset and deletion without `import_mode`
 * (users stay in the legacy table), and with `import_mode` only login and get_user (docs/spec.md §5.7).
 * Emails go over real SMTP (the `smtp-server` package).
 */

const template = (name: string) => readFile(new URL(`./fixtures/auth0-postgresql-templates/${name}.js`, import.meta.url), 'utf8');
const ADMIN_TOKEN = 'custom-db-admin-token-0123456789abcdef0123456789';
const LEGACY_PASSWORD = 'Legacy-Passw0rd';
const NEW_PASSWORD = 'Brand-New-Horse-7';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
const mydb = () => new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/mydb' });
const mails: { to: string[]; raw: string }[] = [];

let smtp: SMTPServer;
let server: ServerProcess & { url: string };
let temp: Awaited<ReturnType<typeof tempDir>>;
let cliEnv: Record<string, string>;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = mydb();
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  temp = await tempDir();
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS mydb WITH (FORCE)');
  await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'user') THEN CREATE ROLE "user" LOGIN PASSWORD 'pass'; END IF; END $$`);
  await admin.query('CREATE DATABASE mydb OWNER "user"');
  await sql('CREATE TABLE users (id serial PRIMARY KEY, nickname text, email text UNIQUE NOT NULL, password text NOT NULL, email_verified boolean NOT NULL DEFAULT false)');
  await sql('ALTER TABLE users OWNER TO "user"');
  const hash = await bcrypt.hash(LEGACY_PASSWORD, 10);
  for (const [nickname, email] of [['ken', 'ken@example.com'], ['ada', 'ada@example.com'], ['grace', 'grace@example.com'], ['linus', 'linus@example.com']]) {
    await sql('INSERT INTO users (nickname, email, password, email_verified) VALUES ($1, $2, $3, true)', [nickname, email, hash]);
  }

  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  const all = { login: await template('login'), get_user: await template('get_user'), create: await template('create'), verify: await template('verify'), change_password: await template('change_password'), delete: await template('delete') };
  const config = join(temp.dir, 'oauth-ro.json');
  await writeFile(config, JSON.stringify({
    issuer: 'http://127.0.0.1/',
    clients: [{ client_id: 'app', name: 'App' }],
    connections: [
      { name: 'legacy', strategy: 'auth0', enabled_clients: ['app'], options: { enabledDatabaseCustomization: true, customScripts: all, passwordPolicy: 'fair' } },
      // Every script configured, as a tenant exports them; with import_mode Auth0 only ran login and get_user.
      { name: 'legacy-import', strategy: 'auth0', enabled_clients: ['app'], options: { enabledDatabaseCustomization: true, import_mode: true, customScripts: all, passwordPolicy: 'fair' } },
    ],
    email_provider: { name: 'smtp', enabled: true, default_from_address: 'Accounts <no-reply@example.com>', credentials: { smtp_host: '127.0.0.1', smtp_port: smtpPort } },
    email_templates: [
      { template: 'reset_email', subject: 'Reset', body: '<p><a href="{{ url }}">Reset your password</a></p>' },
      { template: 'verify_email', subject: 'Verify', body: '<p><a href="{{ url }}">Verify</a></p>' },
    ],
    script_runner: { allow_hosts: ['localhost:5432'], timeout_ms: 10000 },
  }));
  cliEnv = { OAUTH_RO_CONFIG: config, OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'oauth-ro.db')}` };
  server = await startServerProcess({ ...cliEnv, OAUTH_RO_ADMIN_TOKEN: ADMIN_TOKEN });
}, 60_000);

afterAll(async () => {
  await server?.kill();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await admin.query('DROP DATABASE IF EXISTS mydb WITH (FORCE)').catch(() => undefined);
  await admin.query('DROP ROLE IF EXISTS "user"').catch(() => undefined);
  await admin.end().catch(() => undefined);
  await temp?.cleanup();
});

async function post(path: string, json: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) });
  const text = await res.text();
  return { status: res.status, text, json: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Record<string, unknown> };
}
const signup = (connection: string, email: string, password = NEW_PASSWORD) => post('/dbconnections/signup', { client_id: 'app', connection, email, password });
const login = (connection: string, username: string, password: string) => post('/oauth/ro', { client_id: 'app', connection, grant_type: 'password', username, password, scope: 'openid' });
const claims = (jwt: unknown) => JSON.parse(Buffer.from(String(jwt).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const row = async (email: string) => (await sql<{ id: number; password: string; email_verified: boolean }>('SELECT id, password, email_verified FROM users WHERE email = $1', [email]))[0];

/** The newest link to `path` mailed to `to` (quoted-printable undone). */
async function mailedLink(to: string, path: string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const mail = [...mails].reverse().find((m) => m.to.includes(to) && m.raw.replace(/=\r?\n/g, '').includes(path));
    const url = mail && new RegExp(`http://127\\.0\\.0\\.1/(${path.replace(/\//g, '\\/')}\\?ticket=[A-Za-z0-9_-]+)`).exec(mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
    if (url) return `${server.url}/${url}`;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${path} mail to ${to}`);
}

async function resetWith(link: string, password: string) {
  const page = await fetch(link);
  expect(page.status).toBe(200);
  const html = await page.text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1]!;
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const form = new URLSearchParams({ ticket: field('ticket'), _csrf: field('_csrf'), newPassword: password, confirmNewPassword: password });
  return fetch(`${server.url}/lo/reset`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: form, redirect: 'manual' });
}

describe("Auth0's PostgreSQL templates, unchanged, without import_mode (users stay in the legacy table)", () => {
  it('signs up through get_user, create and login; logs in through login', async () => {
    const created = await signup('legacy', 'new@example.com');
    expect(created.status).toBe(200);
    const stored = await row('new@example.com');
    expect(await bcrypt.compare(NEW_PASSWORD, stored!.password)).toBe(true);
    expect(created.json).toEqual({ _id: String(stored!.id), email: 'new@example.com', email_verified: false });
    const ok = await login('legacy', 'new@example.com', NEW_PASSWORD);
    expect(ok.status).toBe(200);
    expect(claims(ok.json.id_token).sub).toBe(`auth0|${stored!.id}`);
    expect((await login('legacy', 'new@example.com', 'not-the-password')).status).toBe(401);
    const taken = await signup('legacy', 'ken@example.com');
    expect(taken.json).toEqual({ name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 400 });
  });

  it('verifies the email with the verify template when the link is followed', async () => {
    expect((await row('new@example.com'))!.email_verified).toBe(false);
    const link = await mailedLink('new@example.com', 'api/v2/tickets/email-verification');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect((await row('new@example.com'))!.email_verified).toBe(true);
    expect((await fetch(link)).status).toBe(400);
  });

  it('resets the password of a user only the table knows (get_user, then change_password)', async () => {
    expect((await post('/dbconnections/change_password', { client_id: 'app', connection: 'legacy', email: 'ken@example.com' })).status).toBe(200);
    const done = await resetWith(await mailedLink('ken@example.com', 'lo/reset'), NEW_PASSWORD);
    expect(done.status).toBe(200);
    expect(await bcrypt.compare(NEW_PASSWORD, (await row('ken@example.com'))!.password)).toBe(true);
    expect((await login('legacy', 'ken@example.com', NEW_PASSWORD)).status).toBe(200);
    expect((await login('legacy', 'ken@example.com', LEGACY_PASSWORD)).status).toBe(401);
  });

  it('deletes the user from the table with the delete template (admin API)', async () => {
    const { id } = (await row('ken@example.com'))!;
    const res = await fetch(`${server.url}/api/v2/users/${encodeURIComponent(`auth0|${id}`)}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(204);
    expect(await row('ken@example.com')).toBeUndefined();
    expect((await login('legacy', 'ken@example.com', NEW_PASSWORD)).status).toBe(401);
  });
});

describe('the admin CLI on a custom-database connection without import_mode', () => {
  it('sets the password with the change_password template and deletes with the delete template', async () => {
    expect((await signup('legacy', 'cli@example.com')).status).toBe(200);
    const { id } = (await row('cli@example.com'))!;
    const set = await runOauthRo(['users', 'set-password', 'cli@example.com', '--connection', 'legacy', '--password', 'Cli-Chosen-Horse-5'], cliEnv);
    expect(set.code, set.stderr).toBe(0);
    expect(await bcrypt.compare('Cli-Chosen-Horse-5', (await row('cli@example.com'))!.password)).toBe(true);
    expect((await login('legacy', 'cli@example.com', 'Cli-Chosen-Horse-5')).status).toBe(200);
    const deleted = await runOauthRo(['users', 'delete', `auth0|${id}`], cliEnv);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(await row('cli@example.com')).toBeUndefined();
  });
});

describe("Auth0's PostgreSQL templates with import_mode (lazy migration: only login and get_user run)", () => {
  it('migrates on the first login; the table is never asked again', async () => {
    const first = await login('legacy-import', 'ada@example.com', LEGACY_PASSWORD);
    expect(first.status).toBe(200);
    const { id } = (await row('ada@example.com'))!;
    expect(claims(first.json.id_token).sub).toBe(`auth0|${id}`);
    await sql('UPDATE users SET password = $1 WHERE email = $2', ['not-a-bcrypt-hash', 'ada@example.com']);
    expect((await login('legacy-import', 'ada@example.com', LEGACY_PASSWORD)).status).toBe(200);
    expect((await login('legacy-import', 'ada@example.com', 'not-the-password')).status).toBe(401);
  });

  it('refuses a sign-up the table knows (get_user) and signs new users up locally, leaving the table alone', async () => {
    const count = async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]!.n;
    const before = await count();
    expect((await signup('legacy-import', 'grace@example.com')).json).toMatchObject({ code: 'user_exists', statusCode: 400 });
    expect((await signup('legacy-import', 'fresh@example.com')).status).toBe(200);
    expect(await count()).toBe(before);
    expect((await login('legacy-import', 'fresh@example.com', NEW_PASSWORD)).status).toBe(200);
  });

  it('migrates a user who resets the password before ever logging in, with the new password; the table keeps the old one', async () => {
    expect((await post('/dbconnections/change_password', { client_id: 'app', connection: 'legacy-import', email: 'linus@example.com' })).status).toBe(200);
    const done = await resetWith(await mailedLink('linus@example.com', 'lo/reset'), NEW_PASSWORD);
    expect(done.status).toBe(200);
    const legacy = (await row('linus@example.com'))!;
    expect(await bcrypt.compare(LEGACY_PASSWORD, legacy.password)).toBe(true);
    await sql('DELETE FROM users WHERE email = $1', ['linus@example.com']);
    const ok = await login('legacy-import', 'linus@example.com', NEW_PASSWORD);
    expect(ok.status).toBe(200);
    expect(claims(ok.json.id_token).sub).toBe(`auth0|${legacy.id}`);
  });
});
