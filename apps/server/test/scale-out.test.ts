import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../packages/store-postgres/test/create-test-database.js';
import { recordTestCode, startTcpProxy, type TcpProxy } from '@oauth-ro/test-kit';
import { TEST_REDIS_URL, testPrefix } from '../../../packages/store-redis/test/test-redis.js';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

// Several instances on one PostgreSQL + Redis behave as one service (docs/spec.md §1, issue 8): two server
// processes, each request sent to one or the other, state created through one honoured by the other.

const CONNECTION = 'Username-Password-Authentication';
const CLIENT = 'scale-app';
const PASSWORD = 'Scale-out-passw0rd';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

let db: TestDatabase;
const redisRun = testPrefix();
let temp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
let a: ServerProcess & { url: string };
let b: ServerProcess & { url: string };
const running: ServerProcess[] = [];
/** A real SMS gateway endpoint (Auth0's `sms_gateway` payload): what each phone received. */
const texts: { recipient: string; body: string }[] = [];
let gateway: Server;

async function startGateway(): Promise<string> {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      texts.push(JSON.parse(body) as { recipient: string; body: string });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(gateway.address() as { port: number }).port}/send`;
}

async function start(extra: Record<string, string> = {}) {
  const server = await startServerProcess({ ...env, ...extra });
  running.push(server);
  return server;
}

beforeAll(async () => {
  const [database, dir, gatewayUrl] = await Promise.all([createTestDatabase(), tempDir(), startGateway()]);
  [db, temp] = [database, dir];
  const config = join(temp.dir, 'oauth-ro.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: 'https://auth.scale.test/',
      clients: [{ client_id: CLIENT, name: 'Scale app', jwt_configuration: { alg: 'RS256' } }],
      connections: [
        { name: CONNECTION, strategy: 'auth0', enabled_clients: [CLIENT], options: { brute_force_protection: true } },
        {
          name: 'sms',
          strategy: 'sms',
          enabled_clients: [CLIENT],
          options: { provider: 'sms_gateway', gateway_url: gatewayUrl, from: '+15550100000', template: 'Your verification code is @@password@@' },
        },
      ],
    }),
  );
  env = {
    OAUTH_RO_CONFIG: config,
    OAUTH_RO_DATABASE: db.url,
    OAUTH_RO_REDIS: `${TEST_REDIS_URL}?prefix=${redisRun.prefix}`,
    // Shared by the instances of one deployment, so a code hashed by one is recognised by the other.
    OAUTH_RO_CODE_HASH_KEY: randomBytes(32).toString('base64'),
    OAUTH_RO_LOG_LEVEL: 'warn',
  };
  // Both start at once: they race to migrate and to create the signing key.
  [a, b] = await Promise.all([start(), start()]);
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.kill()));
  await new Promise((resolve) => gateway?.close(resolve));
  await temp?.cleanup();
  await db?.drop();
  await redisRun.cleanup();
});

async function post(url: string, body: unknown, timeoutMs = 15_000) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const signup = (server: { url: string }, email: string) =>
  post(`${server.url}/dbconnections/signup`, { client_id: CLIENT, connection: CONNECTION, email, password: PASSWORD });

const login = (server: { url: string }, username: string, password = PASSWORD, extra: Record<string, string> = {}) =>
  post(`${server.url}/oauth/ro`, { client_id: CLIENT, connection: CONNECTION, grant_type: 'password', username, password, ...extra });

describe('two instances on one PostgreSQL + Redis', () => {
  it('started together, they publish one and the same signing key', async () => {
    const [ja, jb] = await Promise.all([a, b].map(async (s) => (await fetch(`${s.url}/.well-known/jwks.json`)).json()));
    expect(ja).toEqual(jb);
    expect((ja as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it('a user signed up on one logs in on the other, and a token from one is accepted by the other', async () => {
    expect((await signup(a, 'ada@example.com')).status).toBe(200);
    const tokens = await login(b, 'ada@example.com', PASSWORD, { scope: 'openid email' });
    expect(tokens.status).toBe(200);
    const me = await fetch(`${a.url}/userinfo`, { headers: { authorization: `Bearer ${tokens.json.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'ada@example.com' });
    // The same address again, on the other instance, is refused.
    expect((await signup(b, 'ada@example.com')).status).toBe(400);
  });

  it('a refresh token issued by one and revoked on the other is refused by both', async () => {
    expect((await signup(b, 'grace@example.com')).status).toBe(200);
    const tokens = await login(a, 'grace@example.com', PASSWORD, { scope: 'openid offline_access', device: 'grace-phone' });
    expect(tokens.status).toBe(200);
    const refresh_token = tokens.json.refresh_token as string;
    expect(typeof refresh_token).toBe('string');
    const delegation = { client_id: CLIENT, grant_type: JWT_BEARER, refresh_token, api_type: 'app' };
    expect((await post(`${b.url}/delegation`, delegation)).status).toBe(200);

    expect((await post(`${b.url}/oauth/revoke`, { client_id: CLIENT, token: refresh_token })).status).toBe(200);
    for (const server of [a, b]) {
      const refused = await post(`${server.url}/delegation`, delegation);
      expect(refused).toEqual({ status: 403, json: { error: 'access_denied', error_description: 'Unknown or invalid refresh token' } });
    }
  });

  it('the brute-force counter is shared: five failures on each instance block the user on both', async () => {
    expect((await signup(a, 'mallory-target@example.com')).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      const failed = await login(i % 2 === 0 ? a : b, 'mallory-target@example.com', 'Wrong-passw0rd');
      expect(failed.status).toBe(401);
    }
    for (const server of [a, b]) {
      const blocked = await login(server, 'mallory-target@example.com');
      expect(blocked.status).toBe(429);
      expect(blocked.json.error).toBe('too_many_attempts');
    }
  });

  it('an SMS code sent through one is used once on the other', async () => {
    const phone = '+15550100077';
    const started = await post(`${a.url}/passwordless/start`, { client_id: CLIENT, connection: 'sms', phone_number: phone, send: 'code' });
    expect(started.status).toBe(200);
    const text = texts.filter((t) => t.recipient === phone).at(-1);
    const code = /[0-9]{6}/.exec(text?.body ?? '')?.[0];
    expect(code).toBeDefined();
    recordTestCode(code!); // scripts/check-test-logs.mjs then fails if a server logged it
    const ro = { client_id: CLIENT, connection: 'sms', grant_type: 'password', username: phone, password: code, scope: 'openid' };
    expect((await post(`${b.url}/oauth/ro`, ro)).status).toBe(200);
    const again = await post(`${a.url}/oauth/ro`, ro);
    expect(again.status).toBe(401);
    expect(again.json.error).toBe('invalid_user_password');
  });

  it('readiness reports both stores reachable', async () => {
    for (const server of [a, b]) {
      for (const path of ['/health?ready', '/health/ready']) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ status: 'ok', checks: { database: { status: 'ok' }, redis: { status: 'ok' }, server: { status: 'ok' } } });
      }
    }
  });

  it('one instance killed with SIGKILL mid-load loses no acknowledged write, and the other keeps serving', async () => {
    const TOTAL = 24;
    const KILL_AFTER = 4; // acknowledged sign-ups on A before it is killed
    const results: { on: 'a' | 'b'; email: string; status?: number }[] = [];
    let acknowledgedOnA = 0;
    let killed: Promise<void> | undefined;
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const n = next++;
        const on = n % 2 === 0 ? 'a' : 'b';
        const email = `load-${n}@example.com`;
        const result: (typeof results)[number] = { on, email };
        results.push(result);
        try {
          result.status = (await signup(on === 'a' ? a : b, email)).status;
        } catch {
          // Connection refused or reset: the request was never acknowledged.
          continue;
        }
        if (on === 'a' && result.status === 200 && ++acknowledgedOnA === KILL_AFTER) killed = a.kill();
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await killed;
    expect(a.child.signalCode).toBe('SIGKILL');
    // The kill came mid-load: requests sent to A afterwards found nobody there.
    expect(results.some((r) => r.on === 'a' && r.status === undefined)).toBe(true);

    // B answered every request sent to it, during and after the kill.
    const onB = results.filter((r) => r.on === 'b');
    expect(onB.map((r) => r.status)).toEqual(onB.map(() => 200));
    // Every sign-up either instance acknowledged is there: its user logs in on B.
    const acknowledged = results.filter((r) => r.status === 200);
    expect(acknowledged.filter((r) => r.on === 'a').length).toBeGreaterThanOrEqual(KILL_AFTER);
    for (const { email } of acknowledged) {
      const tokens = await login(b, email);
      expect(tokens.status, email).toBe(200);
    }
    expect((await fetch(`${b.url}/health?ready`)).status).toBe(200);
  });
});

describe('PostgreSQL and Redis going away under a running instance', () => {
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let c: ServerProcess & { url: string };

  beforeAll(async () => {
    const dbUrl = new URL(db.url);
    const redisUrl = new URL(TEST_REDIS_URL);
    [pgProxy, redisProxy] = await Promise.all([
      startTcpProxy(Number(dbUrl.port || 5432), dbUrl.hostname),
      startTcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname),
    ]);
    dbUrl.port = String(pgProxy.port);
    c = await start({
      OAUTH_RO_DATABASE: dbUrl.toString(),
      OAUTH_RO_REDIS: `redis://127.0.0.1:${redisProxy.port}?prefix=${redisRun.prefix}`,
    });
  });
  afterAll(async () => {
    await Promise.all([pgProxy?.close(), redisProxy?.close()]);
  });

  /** Repeats `attempt` until it gives `status`, at most `ms` (a bounded wait for recovery). */
  async function until(status: number, attempt: () => Promise<{ status: number }>, ms = 15_000) {
    const deadline = Date.now() + ms;
    let last = await attempt();
    while (last.status !== status && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await attempt();
    }
    return last;
  }

  it('PostgreSQL away: 503s, not a crash or a hang; back: served again without a restart', async () => {
    expect((await signup(c, 'before-pg@example.com')).status).toBe(200);
    await pgProxy.stop();
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const refused = await signup(c, `during-pg-${i}@example.com`);
      expect(refused.status).toBe(503);
      expect(refused.json.error).toBe('temporarily_unavailable');
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await fetch(`${c.url}/health?ready`)).status).toBe(503);
    expect((await fetch(`${c.url}/health`)).status).toBe(200);

    await pgProxy.start();
    expect((await until(200, () => fetch(`${c.url}/health?ready`))).status).toBe(200);
    expect((await until(200, () => signup(c, 'after-pg@example.com'))).status).toBe(200);
    expect((await login(b, 'after-pg@example.com')).status).toBe(200);
    expect(c.child.exitCode).toBeNull();
  });

  it('Redis away: logins that need the counter get 503s; back: served again without a restart', async () => {
    await redisProxy.stop();
    const refused = await login(c, 'before-pg@example.com');
    expect(refused.status).toBe(503);
    expect(refused.json.error).toBe('temporarily_unavailable');
    expect((await fetch(`${c.url}/health?ready`)).status).toBe(503);

    await redisProxy.start();
    expect((await until(200, () => login(c, 'before-pg@example.com'))).status).toBe(200);
    expect((await fetch(`${c.url}/health?ready`)).status).toBe(200);
    expect(c.child.exitCode).toBeNull();
  });

  it('PostgreSQL and Redis restarted during a bounded load run: every answer is 200 or a clean 503, and service resumes', async () => {
    // A login that fails because PostgreSQL is away still counts toward brute-force protection
    // (core counts the attempt before the check), so the load is spread over ten users and backs
    // off after a failure the way a client would, to stay under the limit of ten.
    const users = Array.from({ length: 10 }, (_, i) => `under-load-${i}@example.com`);
    for (const user of users) expect((await until(200, () => signup(c, user))).status).toBe(200);
    const statuses: number[] = [];
    const errors = new Set<string>();
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let stop = false;
    let turn = 0;
    const worker = async () => {
      for (let i = 0; i < 200 && !stop; i++) {
        const res = await login(c, users[turn++ % users.length]!); // a user lookup in PostgreSQL, a counter in Redis
        statuses.push(res.status);
        if (res.status !== 200) {
          errors.add(`${res.status} ${String(res.json.error)}`);
          await pause(100);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 3 }, worker));
    const okSoFar = () => statuses.filter((x) => x === 200).length;

    await pause(300);
    await pgProxy.stop();
    await pause(500);
    await pgProxy.start();
    await pause(300);
    await redisProxy.stop();
    await pause(500);
    await redisProxy.start();
    // Bounded wait for requests to succeed again after both came back.
    const okBefore = okSoFar();
    const deadline = Date.now() + 15_000;
    while (okSoFar() < okBefore + 3 && Date.now() < deadline) await pause(100);
    stop = true;
    await load;

    expect(okSoFar()).toBeGreaterThanOrEqual(okBefore + 3);
    expect([...errors]).toEqual(['503 temporarily_unavailable']);
    expect(statuses.filter((x) => x === 503).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(200);
    expect(c.child.exitCode).toBeNull();
  });
});
