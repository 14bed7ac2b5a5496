import type { OAuthResponse, OAuthRo } from '@oauth-ro/core';
import { answerNodeRequestNow, endsWithRoute, hasRoute } from '@oauth-ro/core/internal';
import { hostErrorResponse, writeNodeResponse } from '@oauth-ro/core/node';
import { Router, type ErrorRequestHandler, type Response } from 'express';

/**
 * Writes core's plain response (no ETag: every answer is `no-store`).
 *
 * @example send(res, await oauthRo.handle(request));
 */
export function send(res: Response, response: OAuthResponse): void {
  writeNodeResponse(res, response);
}

/**
 * An Express Router that answers every oauth-ro endpoint and passes other paths on to the app.
 * Core's Node bridge reads bodies (16 KiB at most) unless the host app already parsed them.
 *
 * @example
 * const oauthRo = await createOAuthRo({ config, deps });
 * app.use(oauthRoRouter(oauthRo));
 */
export function oauthRoRouter(oauthRo: OAuthRo): Router {
  const router = Router();
  router.use((req, res, next) => {
    // `req.path` is relative to the mount point and still percent-encoded: core decodes ids itself.
    if (!hasRoute(req.path)) return next();
    // Written in the same turn when core needs no waiting (JWKS, discovery, the probes); a throw goes to `next` either way.
    const answered = answerNodeRequestNow(oauthRo, req, { ip: req.ip });
    if (answered instanceof Promise) answered.then((response) => send(res, response), next);
    else send(res, answered);
  });
  router.use(oauthRoErrorHandler());
  return router;
}

/**
 * Answers errors raised on oauth-ro's paths (the host app's body parser refusing a body, a body that
 * could not be read) in the contract's JSON. The router installs it for itself; an app whose own
 * `express.json()` runs first adds it after the router, since Express hands those errors to error
 * handlers only.
 *
 * @example
 * app.use(express.json());
 * app.use(oauthRoRouter(oauthRo));
 * app.use(oauthRoErrorHandler());
 */
export function oauthRoErrorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Match on the end of the full path: the app may mount oauth-ro under a prefix.
    if (res.headersSent || !endsWithRoute(req.originalUrl.split('?')[0] ?? '')) return next(error);
    send(res, hostErrorResponse(error));
  };
}
