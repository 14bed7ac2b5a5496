import { oauthRoRouter, requireAuth as expressRequireAuth } from '@oauth-ro/express';
import { oauthRoPlugin } from '@oauth-ro/fastify';
import { requireAuth as honoRequireAuth } from '@oauth-ro/hono';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOAuthRo, type TestOAuthRo } from '@oauth-ro/conformance';
import { BACKEND_SECRET, basicAuth, GRANT_CLIENTS as C, GRANTS, GRANTS_CONNECTION, grantsConfig, NOTES_API } from '@oauth-ro/conformance';
import { GOOD_PASSWORD, uniqueEmail } from '@oauth-ro/conformance';

const NEED = { audience: NOTES_API, scopes: ['write:notes'] };

/** Each adapter's route guard (`requireAuth`, Fastify's `authenticateFor`), answering GET /notes with the token's status. */
const ADAPTERS: Record<string, (test: TestOAuthRo) => Promise<(authorization: string) => Promise<{ status: number; body: unknown }>>> = {
  async express(test) {
    const app = express();
    app.use(oauthRoRouter(test.oauthRo));
    app.get('/notes', expressRequireAuth(test.oauthRo, NEED), (req, res) => res.json({ sub: req.auth!.sub }));
    return async (authorization) => {
      const res = await request(app).get('/notes').set('authorization', authorization);
      return { status: res.status, body: res.body };
    };
  },
  async fastify(test) {
    const app = Fastify();
    await app.register(oauthRoPlugin, { oauthRo: test.oauthRo });
    app.get('/notes', { preHandler: app.authenticateFor(NEED) }, async (req) => ({ sub: req.user.sub }));
    await app.ready();
    return async (authorization) => {
      const res = await app.inject({ method: 'GET', url: '/notes', headers: { authorization } });
      return { status: res.statusCode, body: res.json() };
    };
  },
  async hono(test) {
    const app = new Hono();
    app.get('/notes', honoRequireAuth(test.oauthRo, NEED), (c) => c.json({ sub: c.get('auth').sub }));
    return async (authorization) => {
      const res = await app.request('/notes', { headers: { authorization } });
      return { status: res.status, body: await res.json() };
    };
  },
};

describe.each(Object.keys(ADAPTERS))('%s: a route that requires an API audience and scopes', (name) => {
  let test: TestOAuthRo;
  let get: (authorization: string) => Promise<{ status: number; body: unknown }>;
  const token = async (audience: string, scope: string) => {
    const res = await test.oauthRo.handle({
      method: 'POST',
      path: '/oauth/token',
      headers: { 'content-type': 'application/json', ...basicAuth(C.backend, BACKEND_SECRET) },
      rawBody: JSON.stringify({ grant_type: 'client_credentials', audience, scope }),
      ip: '127.0.0.1',
    });
    return `Bearer ${(JSON.parse(res.body) as { access_token: string }).access_token}`;
  };

  beforeAll(async () => {
    test = await createTestOAuthRo({ config: grantsConfig() });
    get = await ADAPTERS[name]!(test);
  });
  afterAll(() => test.oauthRo.close());

  it('lets a token for the API with the scope through', async () => {
    expect(await get(await token(NOTES_API, 'read:notes write:notes'))).toEqual({ status: 200, body: { sub: `${C.backend}@clients` } });
  });

  it('answers 403 insufficient_scope without the scope', async () => {
    const res = await get(await token(NOTES_API, 'read:notes'));
    expect(res).toEqual({ status: 403, body: { error: 'insufficient_scope', error_description: 'the token lacks the scope write:notes' } });
  });

  it('answers 401 invalid_token for a user token without the API audience, a forged one, and none', async () => {
    const call = async (path: string, json: Record<string, unknown>) =>
      JSON.parse(
        (await test.oauthRo.handle({ method: 'POST', path, headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(json), ip: '127.0.0.1' })).body,
      ) as Record<string, string>;
    const email = uniqueEmail('guard');
    await call('/dbconnections/signup', { client_id: C.spa, connection: GRANTS_CONNECTION, email, password: GOOD_PASSWORD });
    const login = await call('/oauth/token', { grant_type: GRANTS.passwordRealm, client_id: C.spa, username: email, password: GOOD_PASSWORD, realm: GRANTS_CONNECTION, scope: 'write:notes' });
    expect(login.access_token).toEqual(expect.any(String));
    for (const authorization of [`Bearer ${login.access_token!}`, 'Bearer x.y.z', '']) expect((await get(authorization)).status).toBe(401);
  });
});
