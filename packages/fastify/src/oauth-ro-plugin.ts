import fastifyJwt from '@fastify/jwt';
import { errorResponse, oauthError, ROUTE_PATHS, type OAuthResponse, type OAuthRo, type TokenClaims, type TokenRequirements } from '@oauth-ro/core';
import { answerNodeRequestNow, checkTokenRequirements, thenNow } from '@oauth-ro/core/internal';
import { accessTokenJwtOptions, hostErrorResponse } from '@oauth-ro/core/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Options of {@link oauthRoPlugin}. */
export interface OAuthRoPluginOptions {
  readonly oauthRo: OAuthRo;
  /** Mount the endpoints under this path (e.g. `/auth`). */
  readonly prefix?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for the app's own routes: 401 unless the bearer token was issued by oauth-ro. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** `authenticate`, and the token must be for the API `audience` (401) and carry the `scopes` (403). */
    authenticateFor(requirements: TokenRequirements): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    user: TokenClaims;
  }
}

const send = (reply: FastifyReply, response: OAuthResponse) => reply.code(response.status).headers(response.headers).send(response.body);

/** The encapsulated part: routes, and the contract's errors; core's Node bridge reads the bodies. */
async function routes(app: FastifyInstance, { oauthRo }: OAuthRoPluginOptions): Promise<void> {
  // Bodies pass through unread, to be read (capped at 16 KiB) by the bridge; the app's parsers stay untouched.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.setErrorHandler((error, _request, reply) => send(reply, hostErrorResponse(error)));
  // `app.prefix` is the whole prefix, a parent plugin's included: core sees `/oauth/ro`.
  // Sent in the same turn when core needs no waiting (JWKS, discovery, the probes); a throw reaches the error handler either way.
  for (const path of ROUTE_PATHS) {
    app.all(path, (request, reply) => {
      const answered = answerNodeRequestNow(oauthRo, request.raw, { ip: request.ip, prefix: app.prefix });
      return thenNow(answered, (response) => send(reply, response));
    });
  }
}

/**
 * Mounts every oauth-ro endpoint in a Fastify app (encapsulated, so the app's body parsers and error
 * handler are untouched), and registers `@fastify/jwt` preconfigured by core's
 * `accessTokenJwtOptions` to verify the tokens oauth-ro issues, plus an `authenticate` preHandler
 * for the app's own routes.
 *
 * @example
 * await app.register(oauthRoPlugin, { oauthRo });
 * app.get('/api/me', { preHandler: app.authenticate }, async (req) => ({ sub: req.user.sub }));
 */
export const oauthRoPlugin = fp<OAuthRoPluginOptions>(
  async (app, options) => {
    await app.register(fastifyJwt, accessTokenJwtOptions(options.oauthRo));
    const authenticateFor = (requirements: TokenRequirements) => async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await request.jwtVerify();
      } catch {
        return void (await send(reply, errorResponse(oauthError('invalid_token'))));
      }
      const met = checkTokenRequirements(request.user, requirements);
      if (!met.ok) await send(reply, errorResponse(met.error));
    };
    app.decorate('authenticate', authenticateFor({}));
    app.decorate('authenticateFor', authenticateFor);
    await app.register(routes, { ...options, prefix: options.prefix ?? '' });
  },
  { name: '@oauth-ro/fastify', fastify: '5.x' },
);

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
  void send(reply, hostErrorResponse(error));
}
