import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
// Logs into the test log directory, which scripts/check-test-logs.mjs greps for secrets.
import { testLogFile } from '../../../packages/conformance/src/fixtures/test-log.js';
import { createApp } from './app.js';

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const file = testLogFile('example-fastify');
  app = await createApp({ issuer: 'http://127.0.0.1/', logger: file ? { level: 'debug', stream: { write: (line: string) => file.writeLine(line) } } : false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
});

it('signs up and logs in through the plugin, then reaches the protected routes through @fastify/jwt', async () => {
  const user = { client_id: 'notes-app', connection: 'Username-Password-Authentication' };
  const signup = await fetch(`${base}/dbconnections/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...user, email: 'ann@example.com', password: 'Ann-passw0rd' }),
  });
  expect(signup.status).toBe(200);
  const login = await fetch(`${base}/oauth/ro`, {
    method: 'POST',
    body: new URLSearchParams({ ...user, grant_type: 'password', username: 'ann@example.com', password: 'Ann-passw0rd', scope: 'openid' }),
  });
  expect(login.status).toBe(200);
  const { access_token } = (await login.json()) as { access_token: string };

  expect((await fetch(`${base}/api/notes`)).status).toBe(401);
  expect((await fetch(`${base}/api/notes`, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
  const unauthorizedPost = await fetch(`${base}/api/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(unauthorizedPost.status).toBe(401);

  const posted = await fetch(`${base}/api/notes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'buy milk' }),
  });
  expect(posted.status).toBe(201);
  const notes = await fetch(`${base}/api/notes`, { headers: { authorization: `Bearer ${access_token}` } });
  expect(notes.status).toBe(200);
  expect(await notes.json()).toEqual({ owner: expect.stringMatching(/^auth0\|/), notes: ['buy milk'] });
});
