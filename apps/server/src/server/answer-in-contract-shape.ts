import type { OAuthResponse, OAuthRo } from '@oauth-ro/core';
import { answerNodeRequest, hostErrorResponse } from '@oauth-ro/core/node';
import type { FastifyInstance, FastifyReply } from 'fastify';

function send(reply: FastifyReply, response: OAuthResponse): FastifyReply {
  return reply.code(response.status).headers(response.headers).send(response.body);
}

/**
 * Makes every answer of the standalone server the contract's `{"error","error_description"}`, not
 * Fastify's `{"message","error","statusCode"}`: a path no route serves goes to core (which answers
 * its 404, or the route itself when only Fastify's matching missed it, a trailing slash say), and
 * an error of the app's own routes is mapped as the adapters map theirs. Bodies at the root pass
 * through unread: only core reads them. Call before registering the plugin.
 *
 * @example
 * answerInContractShape(app, oauthRo);
 * await app.register(oauthRoPlugin, { oauthRo });
 */
export function answerInContractShape(app: FastifyInstance, oauthRo: OAuthRo): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.setErrorHandler((error, _request, reply) => send(reply, hostErrorResponse(error)));
  app.setNotFoundHandler(async (request, reply) => send(reply, await answerNodeRequest(oauthRo, request.raw, { ip: request.ip })));
}
