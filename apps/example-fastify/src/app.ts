import { createArgon2Hasher } from '@oauth-ro/argon2';
// Loads @fastify/jwt's typings (request.user, request.jwtVerify); the plugin registers it at run time.
import type {} from '@fastify/jwt';
import { createOAuthRo, normalizeConfig, systemClock, webCryptoRandom } from '@oauth-ro/core';
import { oauthRoPlugin } from '@oauth-ro/fastify';
import { createMemoryStores } from '@oauth-ro/store-memory';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

/**
 * An existing Fastify app (a tiny notes service) with oauth-ro added as a plugin. The plugin also
 * registers `@fastify/jwt`, preconfigured to verify the tokens oauth-ro issues, so the app's own
 * routes are protected the usual Fastify way: `app.authenticate` or `request.jwtVerify()`.
 *
 * @example
 * const app = await createApp({ issuer: 'http://localhost:3002/' });
 * await app.listen({ port: 3002 });
 */
export async function createApp(options: { issuer: string; logger?: FastifyServerOptions['logger'] }): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.get('/', async () => 'notes service: GET /api/notes with a bearer token from POST /oauth/ro\n');

  // --- oauth-ro: a configuration in Auth0's Management API shape, the stores, and one register ---
  const oauthRo = await createOAuthRo({
    config: normalizeConfig({
      issuer: options.issuer,
      clients: [{ client_id: 'notes-app', name: 'Notes app' }],
      connections: [
        { name: 'Username-Password-Authentication', strategy: 'auth0', enabled_clients: ['notes-app'], options: {} },
      ],
    }),
    deps: {
      ...createMemoryStores(),
      hasher: await createArgon2Hasher(),
      clock: systemClock,
      random: webCryptoRandom,
      // The app's own pino logger, for oauth-ro's log lines and its audit events (Auth0 log types: s, fp, fu, limit_wc, ss…).
      logger: app.log,
      audit: { emit: (event) => app.log.info({ audit: event }, `audit ${event.type}`) },
    },
  });
  await app.register(oauthRoPlugin, { oauthRo });
  app.addHook('onClose', () => oauthRo.close());
  // --- end of oauth-ro ---

  const notes = new Map<string, string[]>();
  // The usual @fastify/jwt guard, as a preHandler...
  app.get('/api/notes', { onRequest: [app.authenticate] }, async (request) => ({
    owner: request.user.sub,
    notes: notes.get(request.user.sub) ?? [],
  }));
  // ...or verified by hand with request.jwtVerify().
  app.post<{ Body: { text?: unknown } }>('/api/notes', async (request, reply) => {
    try {
      await request.jwtVerify();
    } catch {
      return reply.code(401).send({ error: 'invalid_token', error_description: 'a bearer token from /oauth/ro is required' });
    }
    const owner = request.user.sub;
    const text = typeof request.body?.text === 'string' ? request.body.text : '';
    notes.set(owner, [...(notes.get(owner) ?? []), text]);
    return reply.code(201).send({ owner, notes: notes.get(owner) });
  });
  return app;
}
