import { oauthError } from '../errors/oauth-error.js';
import { isUnavailableError } from '../errors/unavailable-error.js';
import { checkRequestHeaders } from '../http/check-request-headers.js';
import type { CorsPolicy } from '../http/cors-policy.js';
import { withCors } from '../http/cors.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { traceRequest } from '../tracing/trace-requests.js';
import type { MaybePromise } from '../util/maybe-promise.js';
import type { HandlerContext } from './context.js';
import { routedPath, routeOf, type Route } from './routes.js';

/** Methods a metric label names as they are; any other is counted as `OTHER`. */
const METRIC_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The one request boundary of an instance: every request, whatever entry it came through (`handle`,
 * `fetch`, the Node bridge), is routed, traced, given CORS, answered by its handler and counted here.
 * The answer comes back at once when nothing on the way waits (see `answerNow`).
 *
 * @example const answerNow = createRequestBoundary(ctx, prepareCorsPolicy(config.clients));
 */
export function createRequestBoundary(ctx: HandlerContext, cors: CorsPolicy): (request: OAuthRequest) => MaybePromise<OAuthResponse> {
  const { deps, metrics } = ctx;

  // A flood shed by the hashing queue answers thousands of 503s a second: one line per second and
  // reason, with how many were not logged since, keeps the log (and the event loop) out of it.
  const unavailableLines = new Map<string, { readonly until: number; suppressed: number }>();
  function logUnavailable(error: Error, path: string): void {
    const key = `${path}\u0000${error.message}`;
    const now = deps.clock.now();
    const last = unavailableLines.get(key);
    if (last && now < last.until) {
      last.suppressed += 1;
      return;
    }
    if (unavailableLines.size >= 256) unavailableLines.clear();
    unavailableLines.set(key, { until: now + 1000, suppressed: 0 });
    const suppressed = last?.suppressed ?? 0;
    deps.logger?.warn({ err: { name: error.name, message: error.message }, path, ...(suppressed > 0 ? { suppressed } : {}) }, 'temporarily unavailable');
  }

  /**
   * A handler's answer; a throw becomes a 503 (a port unavailable; logged once a second per path and
   * reason, with the count not logged since) or a 500, logged without its stack.
   */
  function failure(error: unknown, path: string): OAuthResponse {
    if (isUnavailableError(error)) {
      logUnavailable(error, path);
      return errorResponse(oauthError('temporarily_unavailable', undefined, error.retryAfter));
    }
    deps.logger?.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error), path }, 'request failed');
    return errorResponse(oauthError('server_error'));
  }

  /**
   * The route's answer, with its metrics. At once when the handler answers at once (JWKS, discovery,
   * the probes): no promise, so an adapter can hand it to its framework in the same turn.
   */
  function handle(request: OAuthRequest, path: string, route: Route | undefined): MaybePromise<OAuthResponse> {
    const tooLarge = checkRequestHeaders(request);
    if (tooLarge) return errorResponse(tooLarge);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    // Unmatched paths and methods are counted too (scanners, misconfigured clients), with bounded labels.
    const label = METRIC_METHODS.has(method) ? method : 'OTHER';
    if (!route) {
      metrics.observeRequest('(unmatched)', label, 404, 0);
      return errorResponse(oauthError('not_found', `no route for ${request.method} ${path.slice(0, 200)}`));
    }
    const handler = Object.hasOwn(route.methods, method) ? route.methods[method] : undefined;
    if (!handler) {
      metrics.observeRequest(route.pattern, label, 405, 0);
      return errorResponse(oauthError('method_not_allowed'));
    }
    const pattern = route.pattern;
    const started = performance.now();
    const observed = (response: OAuthResponse): OAuthResponse => {
      metrics.observeRequest(pattern, method, response.status, (performance.now() - started) / 1000);
      return response;
    };
    let answered: MaybePromise<OAuthResponse>;
    try {
      answered = handler(ctx, request);
    } catch (error) {
      return observed(failure(error, path));
    }
    return answered instanceof Promise ? answered.then(observed, (error: unknown) => observed(failure(error, path))) : observed(answered);
  }

  // One span covers each request and CORS wraps every answer, Fetch entry included (docs/spec.md);
  // the path is normalised and routed once for all three.
  return (request: OAuthRequest): MaybePromise<OAuthResponse> => {
    const path = routedPath(request.path);
    const route = routeOf(path);
    return traceRequest(request, path, route?.pattern, () => withCors(cors, request, route, () => handle(request, path, route)));
  };
}
