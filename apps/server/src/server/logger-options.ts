import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { redactQuery } from './redact-query.js';

/** Header values that must never reach a log line. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * Fastify's (pino) logger settings: JSON lines on stdout, credentials redacted. Request lines carry
 * method, url (query values redacted), status and timing only: request and response bodies (passwords, tokens) are never
 * serialised, and the header paths above are censored should a serializer ever include headers.
 *
 * @example
 * const app = Fastify({ logger: loggerOptions('info') });
 */
export function loggerOptions(
  level: string,
  stream: NodeJS.WritableStream = process.stdout,
): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    // process.stdout writes synchronously to files and pipes, so log lines and the operator lines
    // the server prints keep their order, and nothing is lost on exit.
    stream,
    base: { service: 'oauth-ro' },
    redact: { paths: REDACTED, censor: '[redacted]' },
    // Fastify's own request serializer, with the query's values redacted (tokens travel there).
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactQuery(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}
