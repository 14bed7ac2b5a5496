import { ROUTE_PATHS, type OAuthRo } from '@oauth-ro/core';
import { answerNodeRequestNow, thenNow, toFetchResponse } from '@oauth-ro/core/internal';
import type { NodeRequestLike } from '@oauth-ro/core/node';
import { Hono, type Context } from 'hono';

/** Options of {@link oauthRoApp}. */
export interface OAuthRoAppOptions {
  /**
   * How to find the client IP. Default: the runtime's socket address where the runtime exposes it
   * through `c.env` (Node's `@hono/node-server` as `incoming`), else `X-Forwarded-For`'s first entry
   * is NOT used; pass a function to trust a proxy.
   */
  readonly clientIp?: (c: Context) => string;
}

function defaultClientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? '';
}

/** The path of a serialised request URL, as sent (Hono's own `getPath` slices it the same way). */
function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf(':') + 3);
  const query = url.indexOf('?', start);
  return url.slice(start, query === -1 ? undefined : query);
}

/** A path's last `depth` segments, still percent-encoded: `/auth/oauth/ro` at depth 2 is `/oauth/ro`. */
function lastSegments(path: string, depth: number): string {
  let at = path.length;
  for (let i = 0; i < depth && at > 0; i += 1) at = path.lastIndexOf('/', at - 1);
  return at <= 0 ? path : path.slice(at);
}

/**
 * A Hono app answering every oauth-ro endpoint through core's Web-standard entry,
 * `oauthRo.fetch`; mount it with `app.route('/', oauthRoApp(oauthRo))`. Uses only Web APIs, so it
 * runs on Node, Bun, Deno and Workers (on Node, requests whose body nobody has read skip the Fetch `Request`).
 *
 * @example
 * const app = new Hono();
 * app.route('/', oauthRoApp(await createOAuthRo({ config, deps })));
 */
export function oauthRoApp(oauthRo: OAuthRo, options: OAuthRoAppOptions = {}): Hono {
  const clientIp = options.clientIp ?? defaultClientIp;
  const app = new Hono();
  for (const route of ROUTE_PATHS) {
    const depth = route.split('/').length - 1;
    app.all(route, (c): Response | Promise<Response> => {
      // Core sees the path relative to the mount point: the route's own last segments, still percent-encoded.
      const path = lastSegments(rawPath(c.req.url), depth);
      const incoming = (c.env as { incoming?: NodeRequestLike } | undefined)?.incoming;
      // On Node (`@hono/node-server`), a request is read from Node's own request unless something
      // (a middleware's `c.req.json()`) has started reading its body: its Fetch `Request` and
      // `Headers` would otherwise be built for core to copy them once more.
      if (incoming?.headers && (c.req.method === 'GET' || c.req.method === 'HEAD' || (incoming.readableFlowing === null && !incoming.readableEnded))) {
        // Answered in the same turn when core needs no waiting (JWKS, discovery, the probes).
        return thenNow(answerNodeRequestNow(oauthRo, incoming, { ip: clientIp(c), path }), toFetchResponse);
      }
      // A body a host middleware already read (`c.req.json()`) is taken from Hono's cache of it.
      if (c.req.raw.bodyUsed) {
        return c.req.text().then((body) =>
          oauthRo.fetch(new Request(c.req.raw.url, { method: c.req.method, headers: c.req.raw.headers, body }), { ip: clientIp(c), path }),
        );
      }
      return oauthRo.fetch(c.req.raw, { ip: clientIp(c), path });
    });
  }
  return app;
}
