import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { spawnServer, startServerProcess, tempDir } from './spawn-server.js';

const CONNECTION = 'Username-Password-Authentication';
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

async function start(env: Record<string, string>) {
  const server = await startServerProcess(env);
  onTestFinished(() => server.kill());
  return server;
}

const jsonLines = (lines: readonly string[]) => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>);

describe('request ids, traces and log lines', () => {
  it('echoes X-Request-Id and traceparent, and puts them on the request, core and audit lines', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'ids.db')}` });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const signup = await fetch(`${server.url}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'edge-req-1', traceparent },
      body: JSON.stringify({ client_id: 'demo', connection: CONNECTION, email: 'ids@example.com', password: 'Ids-passw0rd' }),
    });
    expect(signup.status).toBe(200);
    expect(signup.headers.get('x-request-id')).toBe('edge-req-1');
    expect(signup.headers.get('traceparent')).toBe(traceparent);
    await server.waitForLine(/^(?=.*"msg":"request completed")(?=.*"request_id":"edge-req-1")/);
    const lines = jsonLines(server.stdout).filter((l) => l.request_id === 'edge-req-1');
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed', 'audit ss']));
    for (const line of lines) expect(line.trace_id).toBe('4bf92f3577b34da6a3ce929d0e0e4736');

    // Without one (or with one that is not short visible ASCII), a fresh UUID, echoed.
    const fresh = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'x'.repeat(200) } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const bad = await fetch(`${server.url}/health/live`, { headers: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' } });
    expect(bad.headers.get('traceparent')).toBeNull();
  });

  it('redacts query values in request lines, logs probes at debug only, and keeps stdout pure JSON', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'redact.db')}`, OAUTH_RO_LOG_LEVEL: 'info' });
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-looking-token.sig';
    const res = await fetch(`${server.url}/userinfo?access_token=${token}`, { headers: { 'x-request-id': 'redact-1' } });
    expect(res.status).toBe(401);
    for (const path of ['/health/live', '/health/ready', '/health', '/metrics']) expect((await fetch(`${server.url}${path}`)).status).toBe(200);
    await fetch(`${server.url}/.well-known/jwks.json`, { headers: { 'x-request-id': 'last-1' } });
    await server.waitForLine(/"request_id":"last-1"/);
    expect(server.stdout.join('\n')).not.toContain(token);
    const lines = jsonLines(server.stdout);
    expect(server.stdout.filter((l) => !l.startsWith('{'))).toEqual([]);
    expect(lines.filter((l) => /^\/(health|metrics)/.test(l.req?.url ?? '') || l.msg === 'request completed' && l.res === undefined)).toEqual([]);
    const completed = lines.filter((l) => l.msg === 'request completed');
    // At info: only the two non-probe requests are logged.
    expect(completed.map((l) => l.request_id)).toEqual(['redact-1', 'last-1']);
    expect(completed[0]).toMatchObject({ res: { statusCode: 401 } });
  });
});

describe('production guard', () => {
  it('refuses zero-config mode with NODE_ENV=production, naming what to set', async () => {
    const server = spawnServer({ OAUTH_RO_DATABASE: 'sqlite::memory:', NODE_ENV: 'production', PORT: '0' });
    onTestFinished(() => server.kill());
    expect(await server.exited).toBe(1);
    expect(server.stderr).toEqual([expect.stringMatching(/^NODE_ENV=production without OAUTH_RO_CONFIG: zero-config mode .* set OAUTH_RO_CONFIG/)]);
  });
});

describe('readiness with real stores', () => {
  it('reports the database and Redis checks by name', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'ready.db')}`, OAUTH_RO_REDIS: 'redis://127.0.0.1:6379' });
    const res = await fetch(`${server.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: { status: 'ok' }, redis: { status: 'ok' }, server: { status: 'ok' } } });
  });
});

describe('metrics and the management listener', () => {
  it('serves core, process, build-info and hashing-queue metrics at /metrics, 404s and 405s counted', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'metrics.db')}` });
    expect((await fetch(`${server.url}/health/live`, { method: 'DELETE' })).status).toBe(405);
    const unknown = await fetch(`${server.url}/wp-login.php`);
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'not_found', error_description: 'no route for GET /wp-login.php' }]);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^oauth_ro_requests_total\{route="\/health\/live",method="DELETE",status="405"\} 1$/m);
    expect(text).toMatch(/^oauth_ro_requests_total\{route="\(unmatched\)",method="GET",status="404"\} 1$/m);
    expect(text).toMatch(/^oauth_ro_build_info\{version="\d+\.\d+\.\d+[^"]*",node_version="v\d+[^"]*"\} 1$/m);
    expect(text).toMatch(/^oauth_ro_hash_queue_depth 0$/m);
    expect(text).toMatch(/^oauth_ro_hashes_running 0$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('with OAUTH_RO_MANAGEMENT_PORT moves /metrics and the probes there; the public port answers them 404', async () => {
    const server = await start({ OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'mgmt.db')}`, OAUTH_RO_MANAGEMENT_PORT: '0' });
    const line = await server.waitForLine(/^oauth-ro management \(metrics, probes\) on /);
    const management = /on (http:\/\/\S+)$/.exec(line)![1]!;
    for (const path of ['/metrics', '/health/live', '/health/ready', '/health']) {
      const moved = await fetch(`${server.url}${path}`);
      expect([path, moved.status]).toEqual([path, 404]);
      expect((await moved.json()).error).toBe('not_found');
      expect([path, (await fetch(`${management}${path}`)).status]).toEqual([path, 200]);
    }
    expect(await (await fetch(`${management}/health/ready`)).json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });
    expect(await (await fetch(`${management}/metrics`)).text()).toContain('oauth_ro_build_info');
    expect((await fetch(`${management}/oauth/ro`, { method: 'POST' })).status).toBe(404);
    // The public port still serves the API.
    expect((await fetch(`${server.url}/.well-known/jwks.json`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
