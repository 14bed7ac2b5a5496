import { hostErrorResponse } from '@oauth-ro/core/node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { oauthRoPlugin } from './oauth-ro-plugin.js';

/**
 * Longest path parameter the router accepts, in characters: a user id (up to 512 characters in
 * core) percent-encoded three characters a byte still fits. Fastify's default of 100 would refuse
 * long `ad|…` or `waad|…` user ids at `/api/v2/users/{id}` before core sees them.
 */
export const OAUTH_RO_MAX_PARAM_LENGTH = 2048;

/**
 * Fastify's `frameworkErrors`: what its router refuses before any route runs, answered in the
 * contract's JSON instead of Fastify's own shape. These are options of the app, not of the plugin
 * (the router runs before any plugin), so an app embedding {@link oauthRoPlugin} passes them itself.
 * A path that does not decode is 400 `invalid_request` (as the Express adapter answers it); a path
 * parameter over {@link OAUTH_RO_MAX_PARAM_LENGTH} is 404, as core answers an implausibly long id.
 *
 * @example Fastify({ routerOptions: { maxParamLength: OAUTH_RO_MAX_PARAM_LENGTH }, frameworkErrors: oauthRoFrameworkErrors });
 */
export function oauthRoFrameworkErrors(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const res = hostErrorResponse(error);
  void reply.code(res.status).headers(res.headers).send(res.body);
}
