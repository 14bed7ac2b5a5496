import { createResponseChecker, toTestResponse, type TestRequest } from '@oauth-ro/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './spawn-server.js';

const CONNECTION = 'Username-Password-Authentication';

let server: ServerProcess & { url: string };
beforeAll(async () => {
  server = await startServerProcess({ OAUTH_RO_DATABASE: 'sqlite::memory:', OAUTH_RO_LOG_LEVEL: 'warn' });
});
afterAll(() => server.kill());

/** Sends a request to the real server process. */
async function send(req: TestRequest) {
  const headers: Record<string, string> = { ...(req.json === undefined ? {} : { 'content-type': 'application/json' }), ...req.headers };
  const res = await fetch(`${server.url}${req.path}`, {
    method: req.method,
    headers,
    ...(req.json === undefined ? (req.body === undefined ? {} : { body: req.body }) : { body: JSON.stringify(req.json) }),
  });
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => (out[name] = value));
  return toTestResponse(res.status, out, await res.text());
}

describe('the standalone server’s API reference', () => {
  it('serves /openapi.json and /docs, and its real answers match the document it serves', async () => {
    const served = await send({ method: 'GET', path: '/openapi.json' });
    expect(served.status).toBe(200);
    expect(served.json.openapi).toBe('3.1.0');
    const check = createResponseChecker(served.json);

    const docs = await send({ method: 'GET', path: '/docs' });
    expect(docs.status).toBe(200);
    for (const path of Object.keys(served.json.paths)) expect(docs.text, path).toContain(`<code>${path}</code>`);

    const email = `ref-${Date.now()}@example.com`;
    const credentials = { client_id: 'demo', connection: CONNECTION };
    const requests: TestRequest[] = [
      { method: 'GET', path: '/openapi.json' },
      { method: 'GET', path: '/docs' },
      { method: 'POST', path: '/dbconnections/signup', json: { ...credentials, email, password: 'Demo-passw0rd' } },
      { method: 'POST', path: '/dbconnections/signup', json: { ...credentials, email, password: 'weak' } },
      { method: 'POST', path: '/oauth/ro', json: { ...credentials, username: email, password: 'wrong-Passw0rd' } },
      { method: 'POST', path: '/oauth/ro', json: { ...credentials, client_id: 'nobody', username: email, password: 'x' } },
      { method: 'POST', path: '/oauth/ro', body: 'x', headers: { 'content-type': 'text/plain' } },
      { method: 'POST', path: '/oauth/ro', body: 'username=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'GET', path: '/oauth/ro' },
      { method: 'GET', path: '/userinfo' },
      { method: 'GET', path: '/health' },
      { method: 'GET', path: '/health?ready' },
      { method: 'GET', path: '/.well-known/jwks.json' },
      { method: 'GET', path: '/.well-known/openid-configuration' },
      { method: 'GET', path: '/api/v2/device-credentials' },
      // Refused by Fastify's router before any route: still the contract's JSON, as documented.
      { method: 'GET', path: '/api/v2/users/%E0%A4%A' },
      { method: 'GET', path: `/api/v2/users/${'a'.repeat(600)}` },
    ];
    const problems: string[] = [];
    for (const req of requests) {
      const res = await send(req);
      problems.push(...check(req, res).map((p) => `${req.method} ${req.path} → ${res.status}: ${p}`));
    }
    const login = await send({ method: 'POST', path: '/oauth/ro', json: { ...credentials, username: email, password: 'Demo-passw0rd', scope: 'openid email' } });
    problems.push(...check({ method: 'POST', path: '/oauth/ro' }, login));
    const me = { method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${login.json.access_token}` } };
    const profile = await send(me);
    problems.push(...check(me, profile));
    const metrics = await send({ method: 'GET', path: '/metrics' });
    problems.push(...check({ method: 'GET', path: '/metrics' }, metrics));
    expect(problems).toEqual([]);
    expect([login.status, profile.status, metrics.status]).toEqual([200, 200, 200]);
    expect((await send({ method: 'GET', path: '/api/v2/users/%E0%A4%A' })).json).toEqual({ error: 'invalid_request', error_description: 'the path could not be decoded' });
  });
});
