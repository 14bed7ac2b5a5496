import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { oauthRoApp, requireAuth, type OAuthRoVariables } from '@oauth-ro/hono';
import type { OAuthRo } from '@oauth-ro/core';
import { Hono } from 'hono';
import { encodeTestBody, toTestResponse } from '@oauth-ro/conformance';
import type { AdapterHarness } from '@oauth-ro/conformance';

function honoApp(oauthRo: OAuthRo, options: Parameters<typeof oauthRoApp>[1]) {
  const app = new Hono<{ Variables: OAuthRoVariables }>();
  app.route('/', oauthRoApp(oauthRo, options));
  app.get('/api/me', requireAuth(oauthRo), (c) => c.json({ sub: c.get('auth').sub }));
  return app;
}

/** Hono, driven through `app.request` (as on Workers, Bun or Deno: the Fetch `Request` path). */
export const honoHarness: AdapterHarness = {
  name: 'hono',
  unknownPaths: 'host',
  async mount(oauthRo) {
    const app = honoApp(oauthRo, { clientIp: () => '127.0.0.1' });
    return {
      async dispatch(req) {
        const { body, contentType } = encodeTestBody(req);
        const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...req.headers };
        const res = await app.request(req.path, { method: req.method, headers, ...(body === undefined ? {} : { body }) });
        const out: Record<string, string> = {};
        res.headers.forEach((value, name) => (out[name] = value));
        return toTestResponse(res.status, out, await res.text());
      },
      async close() {},
    };
  },
};

/**
 * Hono on Node, as most deploy it: `@hono/node-server` on a loopback port, driven over real
 * sockets, so the adapter reads bodies from Node's own request (its Node path).
 */
export const honoNodeHarness: AdapterHarness = {
  name: 'hono (Node server)',
  unknownPaths: 'host',
  async mount(oauthRo) {
    const app = honoApp(oauthRo, {});
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    return {
      dispatch(req) {
        const { body, contentType } = encodeTestBody(req);
        const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...req.headers };
        // Node's client frames a DELETE or GET body by no header at all unless told its length (supertest and fetch do).
        if (body !== undefined && !Object.keys(headers).some((name) => /^(content-length|transfer-encoding)$/i.test(name))) {
          headers['content-length'] = String(Buffer.byteLength(body));
        }
        return new Promise((resolve, reject) => {
          const sent = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => {
              const out: Record<string, string> = {};
              for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
              resolve(toTestResponse(res.statusCode ?? 0, out, text));
            });
            res.on('error', reject);
          });
          sent.on('error', reject);
          sent.end(body);
        });
      },
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
};
