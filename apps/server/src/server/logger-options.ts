import type { FastifyServerOptions } from 'fastify';

/** Header values that must never reach a log line. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * Fastify's (pino) logger settings: JSON lines on stdout, credentials redacted. Request lines carry
 * method, url, status and timing only: request and response bodies (passwords, tokens) are never
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
  };
}
