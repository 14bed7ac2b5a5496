import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startAuth0TenantStandIn, type Auth0TenantStandIn } from '@oauth-ro/test-kit';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

/**
 * Leaving a live tenant without password resets, as Auth0 documents it: a custom-database connection
 * with `import_mode` whose login / get_user scripts (test/fixtures/lazy-migration, unchanged Auth0
 * style) ask the old system. The real server process runs them in its script runner against a
 * protocol-faithful HTTPS stand-in of the old Auth0 tenant, and against a legacy PostgreSQL table.
 */

const fixture = (name: string) => readFile(new URL(`./fixtures/lazy-migration/${name}`, import.meta.url), 'utf8');
const OLD_PASSWORD = 'Old-Tenant-Passw0rd';
const users = [
  { user_id: 'auth0|5f8a0c1e2b3d4e5f6a7b8c9d', email: 'ada@example.com', password: OLD_PASSWORD, name: 'Ada Lovelace' },
  { user_id: 'auth0|6a7b8c9d5f8a0c1e2b3d4e5f', email: 'grace@example.com', password: OLD_PASSWORD, name: 'Grace Hopper' },
  { user_id: 'auth0|7b8c9d5f8a0c1e2b3d4e5f6a', email: 'linus@example.com', password: OLD_PASSWORD },
];

let tenant: Auth0TenantStandIn;
let server: ServerProcess & { url: string };
let temp: Awaited<ReturnType<typeof tempDir>>;
const legacyDb = `legacy_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });

beforeAll(async () => {
  temp = await tempDir();
  tenant = await startAuth0TenantStandIn(users);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${legacyDb}`);
  const legacy = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${legacyDb}` });
  await legacy.connect();
  await legacy.query('CREATE TABLE users (id text PRIMARY KEY, nickname text, email text UNIQUE, password text)');
  await legacy.query('INSERT INTO users VALUES ($1, $2, $3, $4)', ['legacy-42', 'ken', 'ken@example.com', await bcrypt.hash('Legacy-Passw0rd', 10)]);
  await legacy.end();

  const config = join(temp.dir, 'oauth-ro.json');
  await writeFile(config, JSON.stringify({
    issuer: 'http://127.0.0.1/',
    clients: [{ client_id: 'new-app', name: 'New app' }],
    connections: [
      {
        name: 'Username-Password-Authentication',
        strategy: 'auth0',
        enabled_clients: ['new-app'],
        options: {
          enabledDatabaseCustomization: true,
          import_mode: true,
          customScripts: { login: await fixture('login.js'), get_user: await fixture('get_user.js') },
          configuration: { Domain: tenant.domain, Client_ID: tenant.client.client_id, Client_Secret: 'env:OLD_TENANT_SECRET' },
        },
      },
      {
        name: 'legacy-postgres',
        strategy: 'auth0',
        enabled_clients: ['new-app'],
        options: {
          enabledDatabaseCustomization: true,
          import_mode: true,
          customScripts: { login: await fixture('legacy-postgres-login.js'), get_user: 'function getByEmail(email, callback) { callback(null); }' },
          configuration: { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${legacyDb}` },
        },
      },
    ],
    rules: [{ name: 'mark migrated', script: "function (user, context, callback) { context.idToken['https://example.com/connection'] = context.connection; callback(null, user, context); }" }],
    script_runner: { allow_hosts: [tenant.domain, '127.0.0.1:5432'], ca_file: tenant.certificate.certPath, timeout_ms: 10000 },
  }));
  server = await startServerProcess({
    OAUTH_RO_CONFIG: config,
    OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'oauth-ro.db')}`,
    OLD_TENANT_SECRET: tenant.client.client_secret,
  });
});

afterAll(async () => {
  await server?.kill();
  await tenant?.close();
  await admin.query(`DROP DATABASE IF EXISTS ${legacyDb}`).catch(() => {});
  await admin.end().catch(() => {});
  await temp?.cleanup();
});

async function login(username: string, password: string, connection = 'Username-Password-Authentication') {
  const res = await fetch(`${server.url}/oauth/ro`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'new-app', connection, grant_type: 'password', username, password, scope: 'openid email name' }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const passwordRealmCalls = () => tenant.calls.get('POST /oauth/token http://auth0.com/oauth/grant-type/password-realm') ?? 0;

describe('lazy migration from an Auth0 tenant (custom database, import_mode)', () => {
  it('imports a user on the first login, keeps the old user_id, and never asks the old tenant again', async () => {
    const before = passwordRealmCalls();
    const first = await login('ada@example.com', OLD_PASSWORD);
    expect(first.status).toBe(200);
    expect(claims(first.json.id_token!)).toMatchObject({ sub: 'auth0|5f8a0c1e2b3d4e5f6a7b8c9d', email: 'ada@example.com', name: 'Ada Lovelace', 'https://example.com/connection': 'Username-Password-Authentication' });
    expect(passwordRealmCalls() - before).toBe(1);
    expect(tenant.calls.get('GET /userinfo')).toBeGreaterThanOrEqual(1);

    const second = await login('ada@example.com', OLD_PASSWORD);
    expect(second.status).toBe(200);
    expect(claims(second.json.id_token!).sub).toBe('auth0|5f8a0c1e2b3d4e5f6a7b8c9d');
    const wrongLocal = await login('ada@example.com', 'not-the-password');
    expect(wrongLocal).toEqual({ status: 401, json: { error: 'invalid_user_password', error_description: 'Wrong email or password.' } });
    expect(passwordRealmCalls() - before).toBe(1);
  });

  it('refuses a wrong password on the upstream path too, and imports nothing', async () => {
    const before = passwordRealmCalls();
    const wrong = await login('grace@example.com', 'not-the-password');
    expect(wrong).toEqual({ status: 401, json: { error: 'invalid_user_password', error_description: 'Wrong email or password.' } });
    expect(passwordRealmCalls() - before).toBe(1);
    const unknown = await login('nobody@example.com', OLD_PASSWORD);
    expect(unknown.status).toBe(401);
    expect((await login('grace@example.com', OLD_PASSWORD)).status).toBe(200);
  });

  it('migrates from a legacy PostgreSQL table of bcrypt hashes with a pg login script', async () => {
    const first = await login('ken@example.com', 'Legacy-Passw0rd', 'legacy-postgres');
    expect(first.status).toBe(200);
    expect(claims(first.json.id_token!)).toMatchObject({ sub: 'auth0|legacy-42', email: 'ken@example.com' });
    const legacy = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${legacyDb}` });
    await legacy.connect();
    await legacy.query('DELETE FROM users');
    await legacy.end();
    // Gone from the legacy table: only the local copy can answer now.
    expect((await login('ken@example.com', 'Legacy-Passw0rd', 'legacy-postgres')).status).toBe(200);
    expect((await login('ken@example.com', 'wrong', 'legacy-postgres')).status).toBe(401);
  });

  it('asks get_user at sign-up, as Auth0 did for users not migrated yet: the old tenant knows linus, so the sign-up is refused', async () => {
    const signup = (email: string) =>
      fetch(`${server.url}/dbconnections/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: 'new-app', connection: 'Username-Password-Authentication', email, password: 'Brand-New-Horse-7' }) });
    const before = tenant.calls.get('GET /api/v2/users-by-email') ?? 0;
    const known = await signup('linus@example.com');
    expect(known.status).toBe(400);
    expect(await known.json()).toEqual({ name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 400 });
    expect((tenant.calls.get('GET /api/v2/users-by-email') ?? 0) - before).toBe(1);
    expect((await signup('newcomer@example.com')).status).toBe(200);
    expect((await login('newcomer@example.com', 'Brand-New-Horse-7')).status).toBe(200);
  });

  it('answers 503 while the old tenant is down for users not migrated yet, and migrated users keep logging in', async () => {
    await tenant.close();
    const pending = await login('linus@example.com', OLD_PASSWORD);
    expect(pending.status).toBe(503);
    expect(pending.json.error).toBe('temporarily_unavailable');
    expect(JSON.stringify(pending.json)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect((await login('ada@example.com', OLD_PASSWORD)).status).toBe(200);
    expect((await login('grace@example.com', OLD_PASSWORD)).status).toBe(200);
  });
});
