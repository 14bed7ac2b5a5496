import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

// The standalone server under attack-shaped input: oversized header blocks (refused by Node's parser
// before any route, answered here in the contract's JSON) and a storm of 1000 concurrent logins
// against a small hashing queue. Real process, real argon2id (OWASP parameters), real sockets.

const CLIENT = 'storm-app';
const CONNECTION = 'Username-Password-Authentication';
const EMAIL = 'storm@example.com';
const PASSWORD = 'Storm-passw0rd-long-enough';
const STORM = 1000;
const QUEUE = 16;

let temp: Awaited<ReturnType<typeof tempDir>>;
let server: ServerProcess & { url: string };

beforeAll(async () => {
  temp = await tempDir();
  const config = join(temp.dir, 'config.json');
  // Brute-force protection off: a thousand attempts for one user from one IP would otherwise be 429
  // past the tenth in flight, and this test is about the hashing queue.
  await writeFile(
    config,
    JSON.stringify({
      issuer: 'https://storm.example/',
      clients: [{ client_id: CLIENT }],
      connections: [{ name: CONNECTION, strategy: 'auth0', enabled_clients: [CLIENT], options: { brute_force_protection: false } }],
    }),
  );
  server = await startServerProcess({
    OAUTH_RO_CONFIG: config,
    OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'storm.db')}`,
    OAUTH_RO_HASH_QUEUE: String(QUEUE),
    OAUTH_RO_LOG_LEVEL: 'warn',
  });
}, 60_000);

afterAll(async () => {
  await server?.kill();
  await temp?.cleanup();
});

/** Writes `raw` on a fresh TCP connection and reads until the server closes it. */
function rawExchange(raw: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no close within 10 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(raw);
  });
}

function parseRaw(text: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('HTTP header limits of the standalone server', () => {
  it('answers a header block over 16 KiB with 431 and the contract JSON, then closes the connection', async () => {
    const res = parseRaw(await rawExchange(`GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(17 * 1024)}\r\n\r\n`));
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual({ error: 'invalid_request', error_description: 'request header too large' });
  });

  it('reads a header block just under the limit', async () => {
    const res = parseRaw(await rawExchange(`GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: ${'a'.repeat(15 * 1024)}\r\n\r\n`));
    expect(res.status).toBe(200);
  });

  it('answers a request Node cannot parse with 400 and the contract JSON', async () => {
    const res = parseRaw(await rawExchange('GET /health HTTP/1.1\r\nHost: x\r\nBad Header Name: y\r\n\r\n'));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: 'invalid_request', error_description: 'malformed HTTP request' });
  });

  it('refuses an Authorization header over 8 KiB that fits the block with 431 from core', async () => {
    const res = await fetch(`${server.url}/userinfo`, { headers: { authorization: `Bearer ${'a'.repeat(9 * 1024)}` } });
    expect(res.status).toBe(431);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'authorization header too large' });
  });
});

interface Answer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly error?: string;
}

/** One POST on its own connection (no keep-alive: a thousand clients, a thousand sockets). */
function post(agent: Agent, path: string, body: unknown): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      { agent, host: hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
        });
      },
    );
    req.setTimeout(90_000, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, retryAfter: undefined, error: error.message }));
    req.end(payload);
  });
}

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

describe(`${STORM} concurrent logins against a hashing queue of ${QUEUE}`, () => {
  it('answers only 200, 401 or 503 with Retry-After, keeps JWKS answering, and stays alive and bounded', async () => {
    const signup = await fetch(`${server.url}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: CLIENT, connection: CONNECTION, email: EMAIL, password: PASSWORD }),
    });
    expect(signup.status).toBe(200);

    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    let stormDone = false;
    // 50 wrong passwords among them: 401s, and fewer than the per-IP throttle's 100 failures.
    const storm = Promise.all(
      Array.from({ length: STORM }, (_, i) =>
        post(agent, '/oauth/ro', { client_id: CLIENT, connection: CONNECTION, username: EMAIL, password: i % 20 === 0 ? 'wrong-password' : PASSWORD }),
      ),
    ).finally(() => {
      stormDone = true;
    });

    const jwks: { status: number; duringStorm: boolean }[] = [];
    while (!stormDone) {
      const res = await fetch(`${server.url}/.well-known/jwks.json`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      jwks.push({ status: res.status, duringStorm: !stormDone });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const answers = await storm;
    agent.destroy();

    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.error ? `error: ${a.error}` : a.status] = (counts[a.error ? `error: ${a.error}` : a.status] ?? 0) + 1;
    expect(Object.keys(counts).every((k) => ['200', '401', '503'].includes(k)), JSON.stringify(counts)).toBe(true);
    expect(counts['200'], JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts['503'], `the queue of ${QUEUE} should have refused most of the storm: ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 503 && !/^[1-9]\d*$/.test(a.retryAfter ?? '')).length).toBe(0);

    expect(jwks.filter((j) => j.duringStorm).length, 'JWKS was never answered while the storm was in flight').toBeGreaterThan(0);
    expect(jwks.every((j) => j.status === 200)).toBe(true);

    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // Generous: the queue holds closures, at most 4 running hashes hold 19 MiB each; the bench reports the figure.
    expect(peakRssMiB(server.child.pid!)).toBeLessThan(512);
  }, 120_000);
});
