import type { OAuthRo } from '@oauth-ro/core';
import type { FastifyInstance } from 'fastify';
import { pathOf } from './log-requests.js';

/**
 * A path no route serves gets core's answer — the contract's JSON 404 — instead of Fastify's own
 * body, and is counted in `/metrics` (`route="(unmatched)"`) like every other answer.
 *
 * @example answerUnmatched(app, oauthRo);
 */
export function answerUnmatched(app: FastifyInstance, oauthRo: OAuthRo): void {
  app.setNotFoundHandler(async (request, reply) => {
    const res = await oauthRo.handle({ method: request.method, path: pathOf(request.url), headers: {}, ip: request.ip });
    return reply.code(res.status).headers(res.headers).send(res.body);
  });
}
