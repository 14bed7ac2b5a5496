import { errorResponse, oauthError } from '@oauth-ro/core';
import type { FastifyInstance } from 'fastify';

/** Seconds a client is told to wait before trying again while the server shuts down (another instance, or this one restarted). */
const SHUTDOWN_RETRY_AFTER_S = 5;

/**
 * Makes `app.close()` finish as soon as the requests in flight are answered. Fastify closes the
 * listener and the idle keep-alive connections, but a connection whose request is still running
 * would stay open after its response until the client or the keep-alive timeout ends it.
 * While closing, responses therefore carry `Connection: close`, each finished response reaps
 * the connections that became idle, and a request still arriving on an open connection gets the
 * contract's 503 `temporarily_unavailable` with `Retry-After` (start Fastify with
 * `return503OnClosing: false`, or it answers first, in its own shape). Register before the routes,
 * so every route inherits the hooks.
 *
 * @example
 * const app = Fastify({ return503OnClosing: false });
 * drainOnClose(app);
 * await app.register(oauthRoPlugin, { oauthRo });
 */
export function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    const response = errorResponse(oauthError('temporarily_unavailable', 'the server is shutting down', SHUTDOWN_RETRY_AFTER_S));
    return reply.code(response.status).headers(response.headers).send(response.body);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
}
