import { oauthRoRouter } from '@oauth-ro/express';
import express from 'express';
import request from 'supertest';
import { encodeTestBody, toTestResponse } from './to-test-response.js';
import type { AdapterHarness } from './types.js';

/** Express, driven through supertest. */
export const expressHarness: AdapterHarness = {
  name: 'express',
  async mount(oauthRo) {
    const app = express();
    app.use(oauthRoRouter(oauthRo));
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
