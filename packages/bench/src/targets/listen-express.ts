import type { AddressInfo } from 'node:net';
import { oauthRoRouter } from '@oauth-ro/express';
import express from 'express';
import type { BenchOAuthRo } from './create-bench-oauth-ro.js';
import { bearerOf, type Listening } from './listening.js';
import { BARE_ROUTES } from './protocol.js';

/**
 * oauth-ro's Router in a plain Express app, with the bare baseline routes beside it, written the
 * way an Express app would write them (`express.json()`, `res.json`).
 *
 * @example const server = await listenExpress(bench);
 */
export async function listenExpress({ oauthRo, bare }: BenchOAuthRo): Promise<Listening> {
  const app = express();
  app.use(oauthRoRouter(oauthRo));
  app.get(BARE_ROUTES.verifyBearer, (req, res, next) => {
    bare.verify(bearerOf(req.headers.authorization)).then((claims) => {
      if (claims) res.json(claims);
      else res.status(401).json({ error: 'invalid_token' });
    }, next);
  });
  app.post(BARE_ROUTES.sign, express.json(), (req, res, next) => {
    bare.sign(String((req.body as { sub?: unknown }).sub)).then((id_token) => res.json({ id_token, token_type: 'Bearer', expires_in: 36000 }), next);
  });
  app.post(BARE_ROUTES.delegate, express.json(), (req, res, next) => {
    const body = req.body as { refresh_token?: unknown; sub?: unknown };
    bare.delegate(String(body.refresh_token), String(body.sub)).then((id_token) => res.json({ id_token, token_type: 'Bearer', expires_in: 36000 }), next);
  });
  app.post(BARE_ROUTES.verifyIdToken, express.json(), (req, res, next) => {
    bare.verifyIdToken(String((req.body as { id_token?: unknown }).id_token)).then((claims) => {
      if (claims) res.json(claims);
      else res.status(401).json({ error: 'invalid_token' });
    }, next);
  });
  app.get(BARE_ROUTES.jwks, (_req, res) => {
    res.json(bare.jwks);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
