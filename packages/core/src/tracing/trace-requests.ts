import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type TextMapGetter } from '@opentelemetry/api';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { endWithError, tracer } from './tracer.js';

/** Methods named as they are (OpenTelemetry's HTTP semantic conventions); any other is `_OTHER`. */
const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);

/** Reads `traceparent` / `tracestate` from core's lower-cased request headers. */
const HEADERS: TextMapGetter<OAuthRequest['headers']> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key.toLowerCase()],
};

/**
 * The path as a span may show it: a route's `:id` segments (user ids, device credential ids) become
 * `REDACTED`; a path no route matches is cut at 200 characters.
 */
function spanPath(path: string, route: string | undefined): string {
  if (route === undefined) return path.slice(0, 200);
  if (!route.includes('/:')) return path;
  const pattern = route.split('/');
  return path
    .split('/')
    .map((segment, i) => (pattern[i]?.startsWith(':') ? 'REDACTED' : segment))
    .join('/');
}

/**
 * Wraps the request entry in one span per request, by OpenTelemetry's HTTP server conventions:
 * named `<method> <route>`, with `http.request.method`, `url.path`, `http.route` and
 * `http.response.status_code`, status ERROR for a 5xx. It continues the caller's W3C `traceparent`
 * (through the registered propagator) or, inside a host app's own HTTP span, nests under it as an
 * internal span. Every port call made while serving nests under it ({@link traceDeps}).
 *
 * @example const traced = traceRequests(handle, (path) => routeOf(path)?.pattern);
 */
export function traceRequests(
  handle: (request: OAuthRequest) => Promise<OAuthResponse>,
  routeOf: (path: string) => string | undefined,
): (request: OAuthRequest) => Promise<OAuthResponse> {
  return (request) => {
    const active = context.active();
    const nested = trace.getSpan(active) !== undefined;
    const parent = nested ? active : propagation.extract(active, request.headers, HEADERS);
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    const route = routeOf(path);
    const method = KNOWN_METHODS.has(request.method) ? request.method : '_OTHER';
    const attributes: Attributes = {
      'http.request.method': method,
      'url.path': spanPath(path, route),
      ...(route === undefined ? {} : { 'http.route': route }),
      ...(method === '_OTHER' ? { 'http.request.method_original': request.method.slice(0, 32) } : {}),
    };
    const name = `${method === '_OTHER' ? 'HTTP' : method}${route === undefined ? '' : ` ${route}`}`;
    const kind = nested ? SpanKind.INTERNAL : SpanKind.SERVER;
    return tracer.startActiveSpan(name, { kind, attributes }, parent, async (span) => {
      try {
        const response = await handle(request);
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) {
          span.setAttribute('error.type', String(response.status));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
        return response;
      } catch (error) {
        endWithError(span, error);
        throw error;
      }
    });
  };
}
