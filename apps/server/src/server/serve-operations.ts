import type { AddressInfo } from 'node:net';
import { errorResponse, oauthError, type OAuthRequest, type OAuthResponse, type OAuthRo } from '@oauth-ro/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ProcessMetrics } from '../metrics/process-metrics.js';
import { isProbe, pathOf, RequestLogController } from './log-requests.js';

function send(reply: FastifyReply, res: OAuthResponse): FastifyReply {
  return reply.code(res.status).headers(res.headers).send(res.body);
}

/**
 * `/metrics` (core's request and login metrics, then the process metrics) and the probes, answered
 * by oauth-ro itself.
 */
async function answer(oauthRo: OAuthRo, metrics: ProcessMetrics, request: FastifyRequest): Promise<OAuthResponse> {
  const q = request.url.indexOf('?');
  const plain: OAuthRequest = {
    method: request.method,
    path: pathOf(request.url),
    headers: {},
    ip: request.ip,
    ...(q === -1 ? {} : { query: request.url.slice(q + 1) }),
  };
  const res = await oauthRo.handle(plain);
  if (plain.path !== '/metrics' || res.status !== 200) return res;
  return { ...res, body: `${res.body.replace(/\n*$/, '\n')}${await metrics.render()}` };
}

/**
 * Without a management port: `GET /metrics` on the public port answers core's metrics followed by
 * the process metrics. With one: `/metrics` and the probes answer 404 on the public port (they
 * moved). Register before the routes.
 *
 * @example registerOperations(app, oauthRo, metrics, { moved: env.managementPort !== undefined });
 */
export function registerOperations(app: FastifyInstance, oauthRo: OAuthRo, metrics: ProcessMetrics, options: { moved: boolean }): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isProbe(request.url)) return undefined;
    if (options.moved) return send(reply, errorResponse(oauthError('not_found', `no route for ${request.method} ${pathOf(request.url)}`)));
    if (pathOf(request.url) !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
    return send(reply, await answer(oauthRo, metrics, request));
  });
}

/** A listening management server. */
export interface ManagementListener {
  readonly address: string;
  close(): Promise<void>;
}

/**
 * The management listener (`OAUTH_RO_MANAGEMENT_PORT`): `/metrics`, `/health`, `/health/live` and
 * `/health/ready` only, on a port of their own (kept off the public load balancer); any other path
 * answers the JSON 404.
 *
 * @example const management = await listenManagement({ oauthRo, metrics, log: app.log, port: 9464, host: '127.0.0.1' });
 */
export async function listenManagement(options: {
  oauthRo: OAuthRo;
  metrics: ProcessMetrics;
  log: FastifyBaseLogger;
  port: number;
  host: string;
}): Promise<ManagementListener> {
  const app = Fastify({ loggerInstance: options.log.child({ listener: 'management' }), logController: new RequestLogController(), forceCloseConnections: true });
  app.all('/*', async (request, reply) => {
    if (!isProbe(request.url)) return send(reply, errorResponse(oauthError('not_found', `no route for ${request.method} ${pathOf(request.url)}`)));
    return send(reply, await answer(options.oauthRo, options.metrics, request));
  });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return { address: `http://${host}:${address.port}`, close: () => app.close() };
}
