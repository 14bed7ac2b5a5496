import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { RequestLogController } from './log-requests.js';
import { readRequestId, readTraceId, requestContext } from './request-context.js';

/**
 * Fastify options that make the request id the caller's `X-Request-Id` (or a fresh UUID), log it as
 * `request_id` (probes at debug, see {@link RequestLogController}), and add `trace_id` from a W3C `traceparent` to the request's log lines.
 *
 * @example Fastify({ ...requestIdOptions(), logger: loggerOptions('info') });
 */
export function requestIdOptions(): Pick<FastifyServerOptions, 'genReqId' | 'logController' | 'childLoggerFactory'> {
  return {
    genReqId: (req) => readRequestId(req.headers),
    logController: new RequestLogController(),
    childLoggerFactory(logger, bindings, options, rawReq) {
      const traceId = readTraceId(rawReq.headers);
      return logger.child(traceId === undefined ? bindings : { ...bindings, trace_id: traceId }, options);
    },
  };
}

/**
 * Echoes `X-Request-Id` (and a valid `traceparent`) on every response, and runs the rest of the
 * request inside its {@link requestContext}, so core's log lines and audit events carry the ids too.
 * Register before the routes.
 *
 * @example registerRequestIds(app);
 */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const traceId = readTraceId(request.headers);
    if (traceId !== undefined) reply.header('traceparent', String(request.headers.traceparent).trim());
    requestContext.run({ requestId: request.id, ...(traceId === undefined ? {} : { traceId }) }, done);
  });
}
