import { errorResponse, oauthError } from '@oauth-ro/core';
import type { FastifyInstance } from 'fastify';
import { isProbe } from './log-requests.js';

/** The shutdown sequence's state, shared by the hooks, the readiness check and `stop()`. */
export interface Drain {
  /** Readiness check `server`: fails from the moment shutdown begins. */
  readiness(): Promise<void>;
  /** Step 1: readiness answers 503; requests are still served (load balancers take the instance out). */
  beginShutdown(): void;
  /** Step 2: new requests get the contract's 503 JSON with `Retry-After`; in-flight ones finish. */
  refuseNewRequests(): void;
  /** Resolves true once no request is in flight, or false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean>;
  /** Requests being served now. */
  readonly inFlight: number;
}

/**
 * Graceful shutdown for a load-balanced instance: readiness flips first, then new requests are
 * refused with `503 temporarily_unavailable` (`Retry-After: 1`, `Connection: close`) while the
 * requests already in flight complete. Probes and metrics keep being answered throughout. Register
 * before the routes.
 *
 * @example
 * const drain = drainRequests(app);
 * // on SIGTERM:
 * drain.beginShutdown(); await sleep(delay); drain.refuseNewRequests(); await drain.settled(10_000); await app.close();
 */
export function drainRequests(app: FastifyInstance): Drain {
  let notReady = false;
  let refusing = false;
  let inFlight = 0;
  const waiters = new Set<() => void>();
  const finished = () => {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of waiters) wake();
  };

  app.addHook('onRequest', async (request, reply) => {
    if (refusing && !isProbe(request.url)) {
      const res = errorResponse(oauthError('temporarily_unavailable', 'the server is shutting down', 1));
      return reply.code(res.status).headers({ ...res.headers, connection: 'close' }).send(res.body);
    }
    inFlight += 1;
    reply.raw.once('close', finished);
    if (notReady) reply.header('connection', 'close');
    return undefined;
  });

  return {
    async readiness() {
      if (notReady) throw new Error('shutting down');
    },
    beginShutdown() {
      notReady = true;
    },
    refuseNewRequests() {
      notReady = true;
      refusing = true;
    },
    settled(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(value);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(wake);
      });
    },
    get inFlight() {
      return inFlight;
    },
  };
}
