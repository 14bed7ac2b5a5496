import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { oauthRoApp } from '@oauth-ro/hono';
import { Hono } from 'hono';
import type { BenchOAuthRo } from './create-bench-oauth-ro.js';
import { bearerOf, type Listening } from './listening.js';
import { BARE_ROUTES } from './protocol.js';

/**
 * oauth-ro's Hono app mounted in a plain Hono app on `@hono/node-server`, with the bare baseline
 * routes beside it (`c.req.json()`, `c.json`).
 *
 * @example const server = await listenHono(bench);
 */
export async function listenHono({ oauthRo, bare }: BenchOAuthRo): Promise<Listening> {
  const app = new Hono();
  app.route('/', oauthRoApp(oauthRo));
  app.get(BARE_ROUTES.verifyBearer, async (c) => {
    const claims = await bare.verify(bearerOf(c.req.header('authorization')));
    return claims ? c.json(claims) : c.json({ error: 'invalid_token' }, 401);
  });
  app.post(BARE_ROUTES.sign, async (c) => {
    const body = await c.req.json<{ sub?: unknown }>();
    return c.json({ id_token: await bare.sign(String(body.sub)), token_type: 'Bearer', expires_in: 36000 });
  });
  app.post(BARE_ROUTES.delegate, async (c) => {
    const body = await c.req.json<{ refresh_token?: unknown; sub?: unknown }>();
    return c.json({ id_token: await bare.delegate(String(body.refresh_token), String(body.sub)), token_type: 'Bearer', expires_in: 36000 });
  });
  app.post(BARE_ROUTES.verifyIdToken, async (c) => {
    const claims = await bare.verifyIdToken(String((await c.req.json<{ id_token?: unknown }>()).id_token));
    return claims ? c.json(claims) : c.json({ error: 'invalid_token' }, 401);
  });
  app.get(BARE_ROUTES.jwks, (c) => c.json(bare.jwks));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
