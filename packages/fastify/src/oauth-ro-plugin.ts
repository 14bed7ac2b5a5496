import { createPublicKey } from 'node:crypto';
import fastifyJwt from '@fastify/jwt';
import { errorResponse, oauthError, ROUTE_PATHS, type OAuthResponse, type OAuthRo, type TokenClaims } from '@oauth-ro/core';
import { answerNodeRequest, hostErrorResponse } from '@oauth-ro/core/node';
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
