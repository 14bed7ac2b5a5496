import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Paths an orchestrator or scraper polls every few seconds: logged at debug, not info. */
const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * The path of a request URL without its query, trailing slashes removed.
 *
 * @example pathOf('/health/ready/?x=1'); // '/health/ready'
 */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * Whether a request is a probe or a metrics scrape.
 *
 * @example isProbe('/health/ready'); // true
 */
export function isProbe(url: string): boolean {
  return QUIET_PATHS.has(pathOf(url));
}

/**
 * Fastify's request log lines, with the request id logged as `request_id`: "incoming request" at
 * debug, "request completed" at info, or at debug for probes and metrics scrapes, so a kubelet
 * polling every few seconds does not drown the log. Errors keep Fastify's own lines.
 *
 * @example Fastify({ logController: new RequestLogController() });
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'request_id' });
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error || !isProbe(request.url)) {
      super.requestCompleted(error, request, reply);
      return;
    }
    reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
