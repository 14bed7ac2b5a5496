import { oauthRoApp, requireAuth, type OAuthRoVariables } from '@oauth-ro/hono';
import { Hono } from 'hono';
import { encodeTestBody, toTestResponse } from '@oauth-ro/conformance';
import type { AdapterHarness } from '@oauth-ro/conformance';

/** Hono, driven through `app.request`. */
export const honoHarness: AdapterHarness = {
  name: 'hono',
  unknownPaths: 'host',
  async mount(oauthRo) {
    const app = new Hono<{ Variables: OAuthRoVariables }>();
    app.route('/', oauthRoApp(oauthRo, { clientIp: () => '127.0.0.1' }));
    app.get('/api/me', requireAuth(oauthRo), (c) => c.json({ sub: c.get('auth').sub }));
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
