import { createOAuthRo, normalizeConfig, systemClock, webCryptoRandom } from '@oauth-ro/core';
import { oauthRoApp } from '@oauth-ro/hono';
import { createPbkdf2Hasher, CLOUDFLARE_WORKERS_MAX_PBKDF2_ITERATIONS } from '@oauth-ro/pbkdf2';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { Hono } from 'hono';

/** The Worker's bindings (wrangler.toml `[vars]`, or Miniflare's `bindings`). */
export interface Env {
  /** The `iss` of issued tokens; default: the origin of the first request this isolate serves. */
  readonly ISSUER?: string;
}

/**
 * The whole service: the configuration is code (one client, one database connection with sign-up
 * open), the stores are memory, so nothing here needs Node, a file system or a socket.
 */
async function createWorkerApp(issuer: string): Promise<Hono> {
  const oauthRo = await createOAuthRo({
    config: normalizeConfig({
      issuer,
      clients: [{ client_id: 'worker-app', name: 'Worker demo app' }],
      connections: [
        {
          name: 'Username-Password-Authentication',
          strategy: 'auth0',
          enabled_clients: ['worker-app'],
          options: { disable_signup: false, brute_force_protection: true },
        },
      ],
    }),
    deps: {
      // Per isolate: each Workers isolate has its own users and keys, and loses them when evicted.
      ...createMemoryStores(),
      // Cloudflare's Workers refuse more than 100000 PBKDF2 iterations (OWASP asks 600000 for SHA-256).
      hasher: createPbkdf2Hasher({ iterations: CLOUDFLARE_WORKERS_MAX_PBKDF2_ITERATIONS }),
      clock: systemClock,
      random: webCryptoRandom,
    },
  });
  const app = new Hono();
  app.get('/', (c) => c.text(`oauth-ro on ${navigator.userAgent}: POST /dbconnections/signup, then POST /oauth/ro (client_id worker-app)\n`));
  // Cloudflare's edge sets CF-Connecting-IP and drops a client's own; behind anything else, choose another source.
  app.route('/', oauthRoApp(oauthRo, { clientIp: (c) => c.req.header('cf-connecting-ip') ?? '' }));
  return app;
}

let app: Promise<Hono> | undefined;

/**
 * A Workers module: the app (and its signing keys) is built on the first request, because Workers
 * forbid random numbers and crypto outside a request; later requests in the isolate reuse it.
 *
 * @example
 * // wrangler.toml: main = "dist/worker.js", compatibility_date = "2025-07-01"
 * const response = await worker.fetch(new Request('https://auth.example.com/health'), {});
 */
const worker = {
  async fetch(request: Request, env: Env): Promise<Response> {
    app ??= createWorkerApp(env.ISSUER ?? `${new URL(request.url).origin}/`).catch((error: unknown) => {
      app = undefined; // let the next request try again
      throw error;
    });
    return (await app).fetch(request, env);
  },
};

export default worker;
