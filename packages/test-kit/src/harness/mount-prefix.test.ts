import { oauthRoRouter } from '@oauth-ro/express';
import { oauthRoPlugin } from '@oauth-ro/fastify';
import { oauthRoApp } from '@oauth-ro/hono';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOAuthRo, type TestOAuthRo } from '@oauth-ro/conformance';

/** Each adapter mounted under `/v1/auth` (Fastify: a plugin prefix inside a parent plugin's): core sees the path relative to it. */
let test: TestOAuthRo;
const apps: Record<string, (path: string) => Promise<{ status: number; text: string }>> = {};
const fastify = Fastify();

beforeAll(async () => {
  test = await createTestOAuthRo();
  const ex = express();
  ex.use('/v1/auth', oauthRoRouter(test.oauthRo));
  apps.express = async (path) => request(ex).get(path).then((r) => ({ status: r.status, text: r.text }));
  await fastify.register(async (v1) => v1.register(oauthRoPlugin, { oauthRo: test.oauthRo, prefix: '/auth' }), { prefix: '/v1' });
  await fastify.ready();
  apps.fastify = async (path) => fastify.inject(path).then((r) => ({ status: r.statusCode, text: r.body }));
  const hono = new Hono().route('/v1/auth', oauthRoApp(test.oauthRo));
  apps.hono = async (path) => {
    const r = await hono.request(path);
    return { status: r.status, text: await r.text() };
  };
});
afterAll(async () => {
  await fastify.close();
  await test.oauthRo.close();
});

describe.each(['express', 'fastify', 'hono'])('%s under a prefix', (name) => {
  it('answers its routes relative to the prefix, `:id` routes included, and leaves other paths to the host', async () => {
    const get = apps[name]!;
    expect(await get('/v1/auth/health')).toEqual({ status: 200, text: '{"status":"ok"}' });
    // The admin route is reached (it asks for the admin token), its id relative to the prefix.
    const admin = await get('/v1/auth/api/v2/users/auth0%7C1');
    expect(admin.status).toBe(401);
    expect(JSON.parse(admin.text)).toMatchObject({ error: 'invalid_token' });
    for (const other of ['/health', '/v1/health', '/v1/auth/nope']) expect((await get(other)).text).not.toContain('no route for');
  });
});
