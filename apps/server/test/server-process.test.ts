import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort, spawnServer, startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

const run = promisify(execFile);
const CONNECTION = 'Username-Password-Authentication';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

type TestContext = { onTestFinished: typeof onTestFinished };

/** Starts a server that is killed when the current test ends, whatever its outcome. */
async function start(env: Record<string, string>) {
  const server = await startServerProcess(env);
  onTestFinished(() => server.kill());
  return server;
}

/** A server expected to fail at start-up; `context` is the (concurrent) test's own. */
async function spawnFailing(context: TestContext, env: Record<string, string>): Promise<ServerProcess> {
  const server = spawnServer({ PORT: String(await freePort()), OAUTH_RO_DATABASE: 'sqlite::memory:', ...env });
  context.onTestFinished(() => server.kill());
  return server;
}

async function post(url: string, body: unknown) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

/** The printed curl lines, run through a shell exactly as a user would paste them. */
async function runCurl(line: string): Promise<Record<string, any>> {
  const { stdout } = await run('sh', ['-c', line.trim()], { timeout: 15_000 });
  return JSON.parse(stdout) as Record<string, any>;
}

describe('zero-config mode (no OAUTH_RO_CONFIG)', () => {
  it('prints issuer, client and curl lines that work, then exactly one listening line', async () => {
    const db = join(temp.dir, 'zero', 'data', 'oauth-ro.db');
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${db}` });
    const port = new URL(server.url).port;
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    // Operator lines on stderr; stdout is nothing but JSON log lines.
    const text = server.stderr.join('\n');
    expect(server.stdout.filter((l) => !l.startsWith('{'))).toEqual([]);
    expect(text).toContain(`issuer:     http://127.0.0.1:${port}/`);
    expect(text).toContain('client_id:  demo');
    expect([...server.stdout, ...server.stderr].join('\n')).not.toContain('WARNING: OAUTH_RO_KEY_ENCRYPTION_KEY');
    expect([...server.stdout, ...server.stderr].filter((l) => l.includes(`127.0.0.1:${port}`) && /listen/i.test(l))).toEqual([
      `oauth-ro listening on http://127.0.0.1:${port}`,
    ]);

    const curls = server.stderr.filter((l) => l.trim().startsWith('curl '));
    expect(curls).toHaveLength(2);
    const signup = await runCurl(curls[0]!);
    expect(signup).toMatchObject({ email: 'demo@example.com', email_verified: false });
    const tokens = await runCurl(curls[1]!);
    expect(tokens).toMatchObject({ token_type: 'bearer' });
    expect(typeof tokens.access_token).toBe('string');
    expect(typeof tokens.id_token).toBe('string');

    const me = await fetch(`${server.url}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'demo@example.com', sub: `auth0|${signup._id}` });

    const reference = /API reference: (\S+)/.exec(text)?.[1];
    expect(reference).toBe(`${server.url}/docs`);
    const page = await fetch(reference!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);

    // Logs are JSON lines and carry neither the password nor any token.
    const logs = server.stdout.filter((l) => l.startsWith('{'));
    expect(logs.some((l) => JSON.parse(l).msg === 'request completed')).toBe(true);
    const logText = logs.join('\n');
    expect(logText).not.toContain('Demo-passw0rd');
    expect(logText).not.toContain(tokens.access_token);
    expect(logText).not.toContain(tokens.id_token);
  });

  it('keeps users and signing keys in the SQLite file across restarts', async () => {
    const db = join(temp.dir, 'persist', 'oauth-ro.db');
    const first = await start({ OAUTH_RO_DATABASE: `sqlite:${db}`, HOST: '127.0.0.1' });
    const signup = await post(`${first.url}/dbconnections/signup`, {
      client_id: 'demo', connection: CONNECTION, email: 'kept@example.com', password: 'Kept-passw0rd',
    });
    expect(signup.status).toBe(200);
    const jwks1 = await (await fetch(`${first.url}/.well-known/jwks.json`)).json();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await start({ OAUTH_RO_DATABASE: `sqlite:${db}` });
    const login = await post(`${second.url}/oauth/ro`, {
      client_id: 'demo', connection: CONNECTION, grant_type: 'password', username: 'kept@example.com', password: 'Kept-passw0rd',
    });
    expect(login.status).toBe(200);
    expect(await (await fetch(`${second.url}/.well-known/jwks.json`)).json()).toEqual(jwks1);
  });
});

describe('PostgreSQL (OAUTH_RO_DATABASE=postgres://…)', () => {
  const schema = `server_test_${process.pid}_${Date.now()}`;
  afterAll(async () => {
    // Best effort: psql is there wherever PostgreSQL is; a leftover schema harms nothing.
    await run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { timeout: 15_000 }).catch(() => {});
  });

  it('two instances on one database behave as one service', async () => {
    const database = `postgres://postgres@127.0.0.1:5432/postgres?schema=${schema}`;
    // Instances behind one load balancer share the public issuer; each has its own port.
    const env = { OAUTH_RO_DATABASE: database, OAUTH_RO_ISSUER: 'https://auth.example.test/' };
    const [a, b] = await Promise.all([start(env), start(env)]);
    const signup = await post(`${a!.url}/dbconnections/signup`, {
      client_id: 'demo', connection: CONNECTION, email: 'shared@example.com', password: 'Shared-passw0rd',
    });
    expect(signup.status).toBe(200);
    const login = await post(`${b!.url}/oauth/ro`, {
      client_id: 'demo', connection: CONNECTION, grant_type: 'password', username: 'shared@example.com', password: 'Shared-passw0rd',
    });
    expect(login.status).toBe(200);
    // One signing key for both, whichever started first: a token from one is accepted by the other.
    expect(await (await fetch(`${a!.url}/.well-known/jwks.json`)).json()).toEqual(await (await fetch(`${b!.url}/.well-known/jwks.json`)).json());
    const me = await fetch(`${a!.url}/userinfo`, { headers: { authorization: `Bearer ${login.json.access_token}` } });
    expect(me.status).toBe(200);
  });
});

describe('configuration file mode', () => {
  it('reads YAML with env: secrets and OAUTH_RO_ISSUER, and answers with that issuer', async () => {
    const file = join(temp.dir, 'oauth-ro.yaml');
    await writeFile(
      file,
      [
        'issuer: https://overridden.example/',
        'clients:',
        '  - client_id: mobile-app',
        '    client_secret: env:MOBILE_SECRET',
        '    jwt_configuration: { alg: HS256 }',
        'connections:',
        `  - name: ${CONNECTION}`,
        '    strategy: auth0',
        '    enabled_clients: [mobile-app]',
        '',
      ].join('\n'),
    );
    const server = await start({
      OAUTH_RO_CONFIG: file,
      OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'file-mode.db')}`,
      OAUTH_RO_ISSUER: 'https://auth.example.test',
      MOBILE_SECRET: 'the-mobile-app-secret-32-chars!!',
      OAUTH_RO_REDIS: 'redis://127.0.0.1:6379',
    });
    expect(server.stderr.some((l) => l.trim().startsWith('curl '))).toBe(false);
    // Issue #14 item 13: keys stored unsealed are said out loud outside zero-config (on stderr, with the banner); the file is private.
    expect(server.stderr.filter((l) => l.startsWith('WARNING: OAUTH_RO_KEY_ENCRYPTION_KEY is not set'))).toHaveLength(1);
    if (process.platform !== 'win32') expect((statSync(join(temp.dir, 'file-mode.db')).mode & 0o777).toString(8)).toBe('600');
    const started = server.stdout.map((l) => (l.startsWith('{') ? JSON.parse(l) : {})).find((l) => l.msg === 'oauth-ro started');
    expect(started).toMatchObject({ mode: 'config-file', issuer: 'https://auth.example.test/' });
    expect(started.database).toMatch(/^sqlite:.*file-mode\.db \+ redis:\/\/127\.0\.0\.1:6379$/);
    const discovery = (await (await fetch(`${server.url}/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(discovery.issuer).toBe('https://auth.example.test/');
    await post(`${server.url}/dbconnections/signup`, {
      client_id: 'mobile-app', connection: CONNECTION, email: 'm@example.com', password: 'Mobile-passw0rd',
    });
    const login = await post(`${server.url}/oauth/ro`, {
      client_id: 'mobile-app', connection: CONNECTION, grant_type: 'password', username: 'm@example.com', password: 'Mobile-passw0rd', scope: 'openid',
    });
    expect(login.status).toBe(200);
    const header = JSON.parse(Buffer.from(login.json.id_token.split('.')[0], 'base64url').toString());
    const claims = JSON.parse(Buffer.from(login.json.id_token.split('.')[1], 'base64url').toString());
    expect(header.alg).toBe('HS256');
    expect(claims.iss).toBe('https://auth.example.test/');
  });

  it('warns once at start-up when a Rule may ask for MFA but OAUTH_RO_KEY_ENCRYPTION_KEY is not set (docs/spec.md §5.9)', async () => {
    const file = join(temp.dir, 'rules.yaml');
    await writeFile(
      file,
      [
        'issuer: https://auth.example.test/',
        'clients:',
        '  - client_id: mobile-app',
        'connections:',
        `  - name: ${CONNECTION}`,
        '    strategy: auth0',
        '    enabled_clients: [mobile-app]',
        'rules:',
        '  - name: mfa for everyone',
        '    enabled: true',
        "    script: \"function (user, context, callback) { context.multifactor = { provider: 'any' }; callback(null, user, context); }\"",
        '',
      ].join('\n'),
    );
    const server = await start({ OAUTH_RO_CONFIG: file, OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'rules.db')}` });
    const line = /^WARNING: Rules or Actions are configured, but OAUTH_RO_KEY_ENCRYPTION_KEY is not set/;
    expect(server.stderr.filter((l) => line.test(l))).toHaveLength(1);
    // The JSON log line is written to stdout on its own; start-up may be seen before it is read.
    await server.waitForLine(/^\{.*"mfa":"rules"/);
    const logged = server.stdout.map((l) => (l.startsWith('{') ? JSON.parse(l) : {})).filter((l) => line.test(l.msg ?? ''));
    expect(logged).toMatchObject([{ level: 40, mfa: 'rules' }]);
  });
});

// Each case is its own short-lived process, so they run side by side.
describe.concurrent('start-up errors', () => {
  it.for([
    [
      'a bad strategy',
      'oauth-ro.yaml',
      'issuer: https://a.example/\nclients: [{ client_id: app }]\nconnections:\n  - { name: db, strategy: auth0, enabled_clients: [app] }\n  - { name: x, strategy: kerberos }\n',
      'connections[1].strategy: must be one of auth0, sms, email, ad, waad, adfs, facebook, google-oauth2, apple',
    ],
    [
      'an HS256 API',
      'api.yaml',
      'issuer: https://a.example/\nclients: [{ client_id: app }]\nconnections: []\nresource_servers:\n  - { identifier: https://api.example/, signing_alg: HS256 }\n',
      'resource_servers[0].signing_alg: must be RS256',
    ],
    ['a missing env: variable', 'secret.json', '{"issuer":"https://a.example/","clients":[{"client_id":"a","client_secret":"env:NOT_SET_ANYWHERE"}],"connections":[]}', 'clients[0].client_secret: environment variable NOT_SET_ANYWHERE is not set'],
    ['broken YAML', 'broken.yaml', 'issuer: [\n', 'line 2, column 1: not valid YAML'],
    [
      'a bad directory option',
      'directory.yaml',
      'issuer: https://a.example/\nclients: [{ client_id: app }]\nconnections:\n  - { name: db, strategy: auth0, enabled_clients: [app] }\n  - { name: corp, strategy: ad, enabled_clients: [app], options: { ldap_base: "DC=corp" } }\n',
      'connections[1].options.ldap_url: ',
    ],
  ] as const)('stops with exit code 1 and one line naming the file and the path, for %s', async ([, name, text, problem], context) => {
    const { expect } = context;
    const file = join(temp.dir, name);
    await writeFile(file, text);
    const server = await spawnFailing(context, { OAUTH_RO_CONFIG: file });
    expect(await server.exited).toBe(1);
    expect(server.stderr).toHaveLength(1);
    expect(server.stderr[0]).toContain(`${file}: ${problem}`);
    expect(server.stdout.some((l) => l.includes('listening'))).toBe(false);
  });

  it('stops with exit code 1 for a bad environment, naming the variable', async (context) => {
    const { expect } = context;
    const server = await spawnFailing(context, { PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.stderr).toEqual(['PORT: must be a port number from 0 to 65535, got "eighty"']);
  });

  it('stops with exit code 1 when PostgreSQL or Redis cannot be reached, without printing the password', async (context) => {
    const { expect } = context;
    const closed = await freePort();
    const pg = await spawnFailing(context, { OAUTH_RO_DATABASE: `postgres://postgres:hunter2@127.0.0.1:${closed}/oauth` });
    const redis = await spawnFailing(context, { OAUTH_RO_REDIS: `redis://:hunter2@127.0.0.1:${closed}` });
    expect(await pg.exited).toBe(1);
    expect(pg.stderr).toHaveLength(1);
    expect(pg.stderr[0]).toMatch(/^OAUTH_RO_DATABASE: cannot open PostgreSQL \(/);
    expect(await redis.exited).toBe(1);
    expect(redis.stderr).toHaveLength(1);
    expect(redis.stderr[0]).toMatch(/^OAUTH_RO_REDIS: cannot connect to Redis \(/);
    expect([...pg.stderr, ...redis.stderr, ...pg.stdout, ...redis.stdout].join('\n')).not.toContain('hunter2');
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM: readiness flips to 503 first, new logins get the JSON 503 with Retry-After, logins in flight complete, exit 0', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'drain.db')}`, OAUTH_RO_DRAIN_TIMEOUT_SECONDS: '20' });
    const users = ['drain1@example.com', 'drain2@example.com', 'drain3@example.com'];
    for (const email of users) {
      await post(`${server.url}/dbconnections/signup`, { client_id: 'demo', connection: CONNECTION, email, password: 'Drain-passw0rd' });
    }
    const loginBody = (username: string) =>
      JSON.stringify({ client_id: 'demo', connection: CONNECTION, grant_type: 'password', username, password: 'Drain-passw0rd' });
    const { port, hostname } = new URL(server.url);
    // Three logins, each with its headers and half its body sent: in flight on the server.
    const inFlight = users.map((username, i) => {
      const body = loginBody(username);
      const req = request({
        host: hostname, port, method: 'POST', path: '/oauth/ro',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': `drain-${i}` },
      });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
      });
      req.write(body.slice(0, 20));
      return { req, body, response };
    });
    // Each login's own id on its "incoming request" line: all three are in flight on the server.
    for (const i of users.keys()) await server.waitForLine(new RegExp(`^(?=.*"msg":"incoming request")(?=.*"request_id":"drain-${i}")`));
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);

    server.child.kill('SIGTERM');
    await server.waitForLine(/draining: new requests get 503/);
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', checks: { database: { status: 'ok' }, server: { status: 'unavailable', reason: 'shutting down' } } });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    const late = await fetch(`${server.url}/oauth/ro`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody(users[0]!) });
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(late.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await late.json()).toEqual({ error: 'temporarily_unavailable', error_description: 'the server is shutting down' });

    for (const { req, body } of inFlight) req.end(body.slice(20));
    for (const { response } of inFlight) {
      const res = await response;
      expect(res.status, res.text).toBe(200);
      expect(JSON.parse(res.text)).toHaveProperty('access_token');
    }
    expect(await server.exited).toBe(0);
  });

  it('with OAUTH_RO_SHUTDOWN_DELAY_SECONDS keeps serving while readiness already answers 503', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'delay.db')}`, OAUTH_RO_SHUTDOWN_DELAY_SECONDS: '2' });
    // One answered request: the signal handlers are installed (right after the listening line).
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    server.child.kill('SIGTERM');
    await server.waitForLine(/readiness answers 503, still serving/);
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
    const jwks = await fetch(`${server.url}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('connection')).toBe('close');
    expect(await server.exited).toBe(0);
  });
});
