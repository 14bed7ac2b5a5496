import type { FastifyInstance } from 'fastify';
import type { ServerStores } from '../stores/server-stores.js';

/** A readiness probe must answer even when a store hangs. */
const PING_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `GET /health?ready`: readiness for a load balancer. Pings every store (PostgreSQL, Redis) and
 * answers 200 `{"status":"ok"}` when all answer, 503 `{"status":"unavailable","reason":…}` with
 * `Retry-After` otherwise, within two seconds either way. Plain `GET /health` stays liveness (core's
 * route), true while the process runs, so an orchestrator does not restart an instance that is
 * only waiting for its database to come back.
 *
 * @example registerReadiness(app, stores); // before registering the oauth-ro plugin
 */
export function registerReadiness(app: FastifyInstance, stores: Pick<ServerStores, 'ping'>): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const question = request.url.indexOf('?');
    if (question === -1 || request.url.slice(0, question).replace(/\/+$/, '') !== '/health') return;
    if (!new URLSearchParams(request.url.slice(question + 1)).has('ready')) return;
    reply.header('cache-control', 'no-store');
    try {
      await within(stores.ping(), PING_TIMEOUT_MS);
      return reply.code(200).send({ status: 'ok' });
    } catch (error) {
      // Store errors name the store and the failure (ECONNREFUSED, a timeout), never a URL.
      const reason = error instanceof Error ? error.message : 'store unreachable';
      return reply.code(503).header('retry-after', '1').send({ status: 'unavailable', reason });
    }
  });
}
