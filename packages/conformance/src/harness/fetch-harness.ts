import { bearerToken, errorResponse, oauthError } from '@oauth-ro/core';
import { toFetchResponse } from '@oauth-ro/core/internal';
import { encodeTestBody, toTestResponse } from './to-test-response.js';
import type { AdapterHarness } from './types.js';

/**
 * Core alone, through its Web-standard entry `oauthRo.fetch`, as an app on Workers, Deno or Bun
 * embeds it: the host routes `/api/me` itself (verifying the bearer token with `verifyToken`) and
 * hands every other request to oauth-ro, whose unknown paths are the contract's 404.
 */
export const fetchHarness: AdapterHarness = {
  name: 'fetch (core only)',
  unknownPaths: 'oauth-ro',
  async mount(oauthRo) {
    const app = async (request: Request): Promise<Response> => {
      if (new URL(request.url).pathname !== '/api/me') return oauthRo.fetch(request, { ip: '127.0.0.1' });
      const token = bearerToken({ authorization: request.headers.get('authorization') ?? undefined });
      const claims = token ? await oauthRo.verifyToken(token) : undefined;
      if (claims?.ok) return Response.json({ sub: claims.value.sub });
      return toFetchResponse(errorResponse(claims?.error ?? oauthError('invalid_token', 'missing bearer token')));
    };
    return {
      async dispatch(req) {
        const { body, contentType } = encodeTestBody(req);
        const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...req.headers };
        const res = await app(new Request(`http://127.0.0.1${req.path}`, { method: req.method, headers, ...(body === undefined ? {} : { body }) }));
        const out: Record<string, string> = {};
        res.headers.forEach((value, name) => (out[name] = value));
        return toTestResponse(res.status, out, await res.text());
      },
      async close() {},
    };
  },
};
