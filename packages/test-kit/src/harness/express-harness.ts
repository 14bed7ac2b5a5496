import { oauthRoErrorHandler, oauthRoRouter, requireAuth } from '@oauth-ro/express';
import type { OAuthRo } from '@oauth-ro/core';
import express from 'express';
import request from 'supertest';
import { encodeTestBody, toTestResponse } from '@oauth-ro/conformance';
import type { AdapterHarness } from '@oauth-ro/conformance';

function expressApp(oauthRo: OAuthRo, hostParsesBodies: boolean): express.Express {
  const app = express();
  if (hostParsesBodies) app.use(express.json(), express.urlencoded({ extended: false }));
  app.use(oauthRoRouter(oauthRo));
  if (hostParsesBodies) app.use(oauthRoErrorHandler());
  app.get('/api/me', requireAuth(oauthRo), (req, res) => {
    res.json({ sub: req.auth!.sub });
  });
  return app;
}

function harness(name: string, hostParsesBodies: boolean): AdapterHarness {
  return {
  name,
  unknownPaths: 'host',
  async mount(oauthRo) {
    const app = expressApp(oauthRo, hostParsesBodies);
    return {
      async dispatch(req) {
        const { body, contentType } = encodeTestBody(req);
        let test = request(app)[req.method.toLowerCase() as 'get'](req.path);
        for (const [name, value] of Object.entries(req.headers ?? {})) test = test.set(name, value);
        if (contentType && !req.headers?.['content-type']) test = test.set('content-type', contentType);
        const res = await test.buffer(true).parse((r, cb) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (text += chunk));
          r.on('end', () => cb(null, text));
        }).send(body as string);
        return toTestResponse(res.status, res.headers as Record<string, string>, res.body as string);
      },
      async close() {},
    };
  },
  };
}

/** Express, driven through supertest. */
export const expressHarness = harness('express', false);

/** Express inside an app whose own `express.json()`/`urlencoded()` parse bodies first. */
export const expressHostParsedHarness = harness('express (host parses bodies)', true);
