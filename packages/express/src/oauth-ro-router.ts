import {
  endsWithRoute,
  errorResponse,
  MAX_BODY_BYTES,
  oauthError,
  ROUTE_PATHS,
  type OAuthErrorCode,
  type OAuthResponse,
  type OAuthRo,
} from '@oauth-ro/core';
import express, { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { toOAuthRequest } from './to-oauth-request.js';

/** @example send(res, await oauthRo.handle(request)); */
export function send(res: Response, response: OAuthResponse): void {
  res.status(response.status).set(response.headers).send(response.body);
}

/** body-parser's error types, as core's error codes. */
const BODY_ERRORS: Readonly<Record<string, OAuthErrorCode>> = {
  'entity.too.large': 'body_too_large',
  'encoding.unsupported': 'unsupported_media_type',
  'charset.unsupported': 'unsupported_media_type',
};

/**
 * An Express Router that answers every oauth-ro endpoint and passes other paths on to the app.
 * Bodies are read raw (16 KiB at most) unless the host app already parsed them.
 *
 * @example
 * const oauthRo = await createOAuthRo({ config, deps });
 * app.use(oauthRoRouter(oauthRo));
 */
export function oauthRoRouter(oauthRo: OAuthRo): Router {
  const router = Router();
  const readBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });
  const handle: RequestHandler = (req, res, next) => {
    oauthRo.handle(toOAuthRequest(req)).then((response) => send(res, response), next);
  };
  router.all(ROUTE_PATHS as string[], readBody, handle);
  // Without a path: a `:id` that does not decode fails the path match itself, so a handler bound to
  // ROUTE_PATHS would never see that error (the handler checks the path on its own).
  router.use(oauthRoErrorHandler());
  return router;
}

/**
 * Turns body-parser errors on oauth-ro's paths into the contract's JSON errors. The router installs
 * it for its own parser; an app whose own `express.json()` runs first adds it after the router, since
 * Express hands those errors to error handlers only.
 *
 * @example
 * app.use(express.json());
 * app.use(oauthRoRouter(oauthRo));
 * app.use(oauthRoErrorHandler());
 */
export function oauthRoErrorHandler(): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, req, res, next) => {
    // Match on the end of the full path: the app may mount oauth-ro under a prefix.
    if (res.headersSent || !endsWithRoute(req.originalUrl.split('?')[0] ?? '')) return next(error);
    if (error instanceof URIError) return send(res, errorResponse(oauthError('invalid_request', 'the path could not be decoded')));
    const code = BODY_ERRORS[error?.type ?? ''];
    if (code === 'body_too_large') res.set('connection', 'close');
    send(res, errorResponse(oauthError(code ?? (error?.status && error.status < 500 ? 'invalid_body' : 'server_error'))));
  };
}
