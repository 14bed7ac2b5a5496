import type { FastifyInstance } from 'fastify';

/**
 * Makes `app.close()` finish as soon as the requests in flight are answered. Fastify closes the
 * listener and the idle keep-alive connections, but a connection whose request is still running
 * would stay open after its response until the client or the keep-alive timeout (72 s) ends it.
 * While closing, responses therefore carry `Connection: close`, and each finished response reaps
 * the connections that became idle. Register before the routes, so every route inherits the hooks.
 *
 * @example
 * const app = Fastify();
 * drainOnClose(app);
 * await app.register(oauthRoPlugin, { oauthRo });
 */
export function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
}
