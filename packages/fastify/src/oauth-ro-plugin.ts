import fastifyJwt from '@fastify/jwt';
import { errorResponse, oauthError, ROUTE_PATHS, type OAuthResponse, type OAuthRo, type TokenClaims, type TokenRequirements } from '@oauth-ro/core';
import { checkTokenRequirements } from '@oauth-ro/core/internal';
import { answerNodeRequest, hostErrorResponse } from '@oauth-ro/core/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { accessTokenJwtOptions } from './jwt-options.js';

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

function send(reply: FastifyReply, response: OAuthResponse): FastifyReply {
  return reply.code(response.status).headers(response.headers).send(response.body);
}

/** The encapsulated part: routes, and the contract's errors; core's Node bridge reads the bodies. */
async function routes(app: FastifyInstance, options: OAuthRoPluginOptions): Promise<void> {
  const { oauthRo } = options;
  // The whole prefix, the app's own (a parent plugin's) included: core sees `/oauth/ro`.
  const prefix = app.prefix;
  // Bodies pass through unread, to be read (capped at 16 KiB) by the bridge; the app's parsers stay untouched.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.setErrorHandler((error, _request, reply) => send(reply, hostErrorResponse(error)));
  for (const path of ROUTE_PATHS) {
    app.all(path, async (request, reply) => send(reply, await answerNodeRequest(oauthRo, request.raw, { ip: request.ip, prefix })));
  }
}

/**
 * Mounts every oauth-ro endpoint in a Fastify app (encapsulated, so the app's body parsers and error
 * handler are untouched), and registers `@fastify/jwt` preconfigured to verify the tokens
 * oauth-ro issues, plus an `authenticate` preHandler for the app's own routes.
 *
 * @example
 * await app.register(oauthRoPlugin, { oauthRo });
 * app.get('/api/me', { preHandler: app.authenticate }, async (req) => ({ sub: req.user.sub }));
 */
export const oauthRoPlugin = fp<OAuthRoPluginOptions>(
  async (app, options) => {
    const { oauthRo } = options;
    await app.register(fastifyJwt, accessTokenJwtOptions(oauthRo));
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
