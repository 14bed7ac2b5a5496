import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort, spawnServer, startServerProcess, tempDir } from './spawn-server.js';

const CONNECTION = 'Username-Password-Authentication';
const ADMIN_TOKEN = 'server-admin-token-0123456789abcdef0123456789';
const PASSWORD = 'Correct-Horse-9';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

async function start(env: Record<string, string>) {
  const server = await startServerProcess({ OAUTH_RO_DATABASE: 'sqlite::memory:', ...env });
  onTestFinished(() => server.kill());
  return server;
}

async function call(url: string, init: { method?: string; token?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? (init.json === undefined ? 'GET' : 'POST'), headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

describe('the admin API of the standalone server (OAUTH_RO_ADMIN_TOKEN)', () => {
  it('over real HTTP: a lockout is listed and released, an administrator blocks and unblocks, and the token never reaches the logs', async () => {
    const server = await start({ OAUTH_RO_ADMIN_TOKEN: ADMIN_TOKEN });
    const email = `admin-${Date.now()}@example.com`;
    const signup = await call(`${server.url}/dbconnections/signup`, { json: { client_id: 'demo', connection: CONNECTION, email, password: PASSWORD } });
    expect(signup.status).toBe(200);
    const user_id = `auth0|${signup.json!._id}`;
    const login = (password: string) => call(`${server.url}/oauth/ro`, { json: { client_id: 'demo', connection: CONNECTION, grant_type: 'password', username: email, password } });

    const tries = await Promise.all(Array.from({ length: 12 }, () => login('Wrong-Password-1')));
    expect(tries.map((t) => t.status).sort()).toEqual([...Array(10).fill(401), 429, 429]);
    const blocks = await call(`${server.url}/api/v2/user-blocks?identifier=${encodeURIComponent(email)}`, { token: ADMIN_TOKEN });
    // Every loopback address (127.0.0.0/8, ::1, ::ffff:127.0.0.1) counts as one network, `loopback`.
    expect(blocks).toEqual({ status: 200, json: { blocked_for: [{ identifier: email, ip: 'loopback', connection: CONNECTION }] } });
    expect((await call(`${server.url}/api/v2/user-blocks?identifier=${encodeURIComponent(email)}`, { token: `${ADMIN_TOKEN}x` })).status).toBe(401);
    expect((await call(`${server.url}/api/v2/user-blocks/${encodeURIComponent(user_id)}`, { method: 'DELETE', token: ADMIN_TOKEN })).status).toBe(204);
    expect((await login(PASSWORD)).status).toBe(200);

    const user = `${server.url}/api/v2/users/${encodeURIComponent(user_id)}`;
    expect((await call(user, { method: 'PATCH', token: ADMIN_TOKEN, json: { blocked: true } })).json).toMatchObject({ user_id, blocked: true });
    expect((await login(PASSWORD)).json).toMatchObject({ error: 'unauthorized' });
    expect((await call(user, { method: 'PATCH', token: ADMIN_TOKEN, json: { blocked: false } })).status).toBe(200);
    expect((await login(PASSWORD)).status).toBe(200);

    await server.kill();
    const output = [...server.stdout, ...server.stderr].join('\n');
    expect(output).toContain('"adminApi":true');
    expect(output).not.toContain(ADMIN_TOKEN);
    expect(output).not.toContain(PASSWORD);
  });

  it('has no admin API without OAUTH_RO_ADMIN_TOKEN (zero-config included)', async () => {
    const server = await start({});
    const res = await call(`${server.url}/api/v2/users/auth0%7Cx`, { token: ADMIN_TOKEN });
    expect(res).toEqual({ status: 404, json: { error: 'not_found', error_description: 'no route for GET /api/v2/users/auth0%7Cx' } });
  });

  it('refuses to start with a short OAUTH_RO_ADMIN_TOKEN, naming the variable and not the value', async () => {
    const server = spawnServer({ PORT: String(await freePort()), OAUTH_RO_DATABASE: 'sqlite::memory:', OAUTH_RO_ADMIN_TOKEN: 'hunter2-too-short' });
    onTestFinished(() => server.kill());
    expect(await server.exited).toBe(1);
    expect(server.stderr.join('\n')).toMatch(/^OAUTH_RO_ADMIN_TOKEN: must be at least 32 characters/);
    expect(server.stderr.join('\n')).not.toContain('hunter2');
  });
});
