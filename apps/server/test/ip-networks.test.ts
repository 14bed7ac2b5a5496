import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

// Brute-force counting per network (issue #14, 12), over real sockets: the server listens on both
// stacks, so one machine reaches it as ::1 and as ::ffff:127.0.0.1. Both are this machine's loopback
// and must share one count; before, each address had its own budget.

const CLIENT = 'net-app';
const CONNECTION = 'Username-Password-Authentication';
const EMAIL = 'net@example.com';
const PASSWORD = 'Net-passw0rd-long-enough';

let temp: Awaited<ReturnType<typeof tempDir>>;
let server: ServerProcess & { url: string };
let port: number;

beforeAll(async () => {
  temp = await tempDir();
  const config = join(temp.dir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: 'https://net.example/',
      clients: [{ client_id: CLIENT }],
      connections: [{ name: CONNECTION, strategy: 'auth0', enabled_clients: [CLIENT], options: { brute_force_limit: 3 } }],
    }),
  );
  server = await startServerProcess({
    OAUTH_RO_CONFIG: config,
    OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'net.db')}`,
    OAUTH_RO_LOG_LEVEL: 'warn',
    HOST: '::',
  });
  port = Number(new URL(server.url).port);
}, 60_000);

afterAll(async () => {
  await server?.kill();
  await temp?.cleanup();
});

/** POSTs JSON to the server through the given loopback address. */
function post(host: '::1' | '127.0.0.1', path: string, body: unknown): Promise<{ status: number; json: any }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host, port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const login = (host: '::1' | '127.0.0.1', password: string) =>
  post(host, '/oauth/ro', { client_id: CLIENT, connection: CONNECTION, grant_type: 'password', username: EMAIL, password });

describe('brute-force counting per network, over real sockets', () => {
  it('counts ::1 and ::ffff:127.0.0.1 as one client: 2 + 1 wrong tries reach a limit of 3', async () => {
    expect((await post('127.0.0.1', '/dbconnections/signup', { client_id: CLIENT, connection: CONNECTION, email: EMAIL, password: PASSWORD })).status).toBe(200);
    expect((await login('127.0.0.1', 'Wrong-passw0rd-1')).status).toBe(401);
    expect((await login('127.0.0.1', 'Wrong-passw0rd-2')).status).toBe(401);
    expect((await login('::1', 'Wrong-passw0rd-3')).status).toBe(401);
    const blocked = await login('::1', PASSWORD);
    expect({ status: blocked.status, error: blocked.json?.error }).toEqual({ status: 429, error: 'too_many_attempts' });
    expect((await login('127.0.0.1', PASSWORD)).status).toBe(429);
  });
});
