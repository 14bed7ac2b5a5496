import fastifyJwt from '@fastify/jwt';
import {
  errorResponse,
  MAX_BODY_BYTES,
  oauthError,
  ROUTE_PATHS,
  type OAuthResponse,
  type OAuthRo,
  type TokenClaims,
} from '@oauth-ro/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { accessTokenJwtOptions } from './jwt-options.js';
import { toOAuthRequest } from './to-oauth-request.js';

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

/** The encapsulated part: routes, a raw-text body parser of its own, and the contract's errors. */
async function routes(app: FastifyInstance, options: OAuthRoPluginOptions): Promise<void> {
  const prefix = options.prefix ?? '';
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => done(null, body));
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    const code = status === 413 ? 'body_too_large' : status === 415 ? 'unsupported_media_type' : status < 500 ? 'invalid_body' : 'server_error';
    return send(reply, errorResponse(oauthError(code)));
  });
  for (const path of ROUTE_PATHS) {
    app.all(path, async (request, reply) => send(reply, await options.oauthRo.handle(toOAuthRequest(request, prefix))));
  }
}

/**
 * Mounts every oauth-ro endpoint in a Fastify app (encapsulated, with its own body parser so the
 * app's parsers are untouched), and registers `@fastify/jwt` preconfigured to verify the tokens
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
    app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await request.jwtVerify();
      } catch {
        await send(reply, errorResponse(oauthError('invalid_token')));
      }
    });
    await app.register(routes, { ...options, prefix: options.prefix ?? '' });
  },
  { name: '@oauth-ro/fastify', fastify: '5.x' },
);
