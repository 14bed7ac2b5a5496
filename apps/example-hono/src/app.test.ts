import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
// Logs into the test log directory, which scripts/check-test-logs.mjs greps for secrets.
import { testLogger } from '../../../packages/conformance/src/fixtures/test-log.js';
import { createApp } from './app.js';

let server: ServerType;
let base: string;

beforeAll(async () => {
  const { app } = await createApp({ issuer: 'http://127.0.0.1/', logger: testLogger('example-hono') });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('signs up and logs in through the mounted app, then reaches the protected route with the token', async () => {
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
