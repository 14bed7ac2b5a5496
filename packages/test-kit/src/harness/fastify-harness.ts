import { oauthRoPlugin } from '@oauth-ro/fastify';
import Fastify from 'fastify';
import { encodeTestBody, toTestResponse } from '@oauth-ro/conformance';
import type { AdapterHarness } from '@oauth-ro/conformance';

/** Fastify, driven through `app.inject`. */
export const fastifyHarness: AdapterHarness = {
  name: 'fastify',
  unknownPaths: 'host',
  async mount(oauthRo) {
    const app = Fastify();
    await app.register(oauthRoPlugin, { oauthRo });
    app.get('/api/me', { preHandler: app.authenticate }, async (request) => ({ sub: request.user.sub }));
    await app.ready();
    return {
      async dispatch(req) {
        const { body, contentType } = encodeTestBody(req);
        const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...req.headers };
        const res = await app.inject({ method: req.method as 'GET', url: req.path, headers, ...(body === undefined ? {} : { payload: body }) });
        return toTestResponse(res.statusCode, res.headers as Record<string, string>, res.body);
      },
      close: () => app.close(),
    };
  },
};
