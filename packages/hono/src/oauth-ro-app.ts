import { MAX_BODY_BYTES, ROUTE_PATHS, type OAuthRequest, type OAuthRo } from '@oauth-ro/core';
import { Hono, type Context } from 'hono';
import { readLimitedText } from './read-limited-text.js';

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

/**
 * A Hono app answering every oauth-ro endpoint; mount it with `app.route('/', oauthRoApp(oauthRo))`.
 * Uses only Web APIs, so it runs on Node, Bun, Deno and Workers.
 *
 * @example
 * const app = new Hono();
 * app.route('/', oauthRoApp(await createOAuthRo({ config, deps })));
 */
export function oauthRoApp(oauthRo: OAuthRo, options: OAuthRoAppOptions = {}): Hono {
  const clientIp = options.clientIp ?? defaultClientIp;
  const app = new Hono();
  for (const path of ROUTE_PATHS) {
    app.all(path, async (c) => {
      const headers: Record<string, string> = {};
      c.req.raw.headers.forEach((value, name) => {
        headers[name] = value;
      });
      // GET and HEAD carry no body; touching it would make @hono/node-server build a full Request.
      const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? { text: '' } : await readLimitedText(c.req.raw, MAX_BODY_BYTES);
      const query = new URL(c.req.url).search.slice(1);
      const request: OAuthRequest = {
        method: c.req.method,
        // Core sees the path relative to the mount point, with `:id` segments filled in.
        path: path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(c.req.param(name) ?? '')),
        headers,
        ip: clientIp(c),
        ...(query ? { query } : {}),
        ...(body.tooLarge ? { bodyTooLarge: true } : { rawBody: body.text }),
      };
      const response = await oauthRo.handle(request);
      // A 204 carries no body; Response refuses even an empty string with it.
      if (response.body === '') return c.body(null, response.status as 200, response.headers);
      return c.body(response.body, response.status as 200, response.headers);
    });
  }
  return app;
}
