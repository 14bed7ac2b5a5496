import type { AddressInfo } from 'node:net';
import { oauthRoPlugin } from '@oauth-ro/fastify';
import Fastify from 'fastify';
import type { BenchOAuthRo } from './create-bench-oauth-ro.js';
import { bearerOf, type Listening } from './listening.js';
import { BARE_ROUTES } from './protocol.js';

/**
 * oauth-ro's plugin in a plain Fastify app (no logger), with the bare baseline routes beside it on
 * Fastify's own JSON parser.
 *
 * @example const server = await listenFastify(bench);
 */
export async function listenFastify({ oauthRo, bare }: BenchOAuthRo): Promise<Listening> {
  const app = Fastify({ logger: false });
  await app.register(oauthRoPlugin, { oauthRo });
  app.get(BARE_ROUTES.verifyBearer, async (request, reply) => {
    const claims = await bare.verify(bearerOf(request.headers.authorization));
    return claims ?? reply.code(401).send({ error: 'invalid_token' });
  });
  app.post(BARE_ROUTES.sign, async (request) => ({
    id_token: await bare.sign(String((request.body as { sub?: unknown }).sub)),
    token_type: 'Bearer',
    expires_in: 36000,
  }));
  app.post(BARE_ROUTES.delegate, async (request) => {
    const body = request.body as { refresh_token?: unknown; sub?: unknown };
    return { id_token: await bare.delegate(String(body.refresh_token), String(body.sub)), token_type: 'Bearer', expires_in: 36000 };
  });
  app.post(BARE_ROUTES.verifyIdToken, async (request, reply) => {
    const claims = await bare.verifyIdToken(String((request.body as { id_token?: unknown }).id_token));
    return claims ?? reply.code(401).send({ error: 'invalid_token' });
  });
  app.get(BARE_ROUTES.jwks, async () => bare.jwks);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}
