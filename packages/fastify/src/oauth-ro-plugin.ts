import { createPublicKey } from 'node:crypto';
import fastifyJwt from '@fastify/jwt';
import {
  checkTokenRequirements,
  errorResponse,
  MAX_BODY_BYTES,
  oauthError,
  ROUTE_PATHS,
  type OAuthResponse,
  type OAuthRo,
  type TokenClaims,
  type TokenRequirements,
} from '@oauth-ro/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
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

/** Public keys as PEM, converted once per `kid` (a kid rotated in by another instance is looked up). */
function pemLookup(oauthRo: OAuthRo): (kid: unknown) => Promise<string | undefined> {
  const cache = new Map<string, string>();
  return async (kid) => {
    if (typeof kid !== 'string') return undefined;
    let pem = cache.get(kid);
    if (pem === undefined) {
      const jwk = await oauthRo.publicJwk(kid);
      if (!jwk) return undefined;
      pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
      cache.set(kid, pem);
    }
    return pem;
  };
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
    const pemFor = pemLookup(oauthRo);
    await app.register(fastifyJwt, {
      secret: async (_request: FastifyRequest, token: unknown) => {
        const { header, payload } = token as { header: { alg?: string; kid?: unknown }; payload: { aud?: unknown } };
        if (header.alg === 'HS256') {
          const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
          const key = typeof aud === 'string' ? oauthRo.clientKey(aud) : undefined;
          if (key) return Buffer.from(key);
        } else {
          const pem = await pemFor(header.kid);
          if (pem) return pem;
        }
        throw new Error('unknown signing key');
      },
      // The secret callback needs the header (kid, alg), not only the payload.
      decode: { complete: true },
      verify: { allowedIss: oauthRo.issuer },
    });
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
