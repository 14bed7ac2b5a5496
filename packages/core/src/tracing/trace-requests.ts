import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type TextMapGetter } from '@opentelemetry/api';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { MaybePromise } from '../util/maybe-promise.js';
import { endWithError, tracer, tracingEnabled } from './tracer.js';

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

let propagatorSeen = false;

/** Whether a propagator is registered (the no-op one has no fields); asked until one appears. */
function propagatorRegistered(): boolean {
  propagatorSeen ||= propagation.fields().length > 0;
  return propagatorSeen;
}

/**
 * Answers one request inside its span, by OpenTelemetry's HTTP server conventions: named
 * `<method> <route>`, with `http.request.method`, `url.path`, `http.route` and
 * `http.response.status_code`, status ERROR for a 5xx. It continues the caller's W3C `traceparent`
 * (through the registered propagator) or, inside a host app's own HTTP span, nests under it as an
 * internal span. Every port call made while serving nests under it ({@link traceDeps}). `path` is
 * the request's path without its trailing slash, `route` the pattern it matched.
 *
 * With neither an SDK nor a propagator registered the span could only be a non-recording copy of
 * the active context: `respond` is called as it is, and its answer returned as it comes (at once
 * when it needs no waiting).
 *
 * @example return traceRequest(request, path, route?.pattern, () => handle(request));
 */
export function traceRequest(
  request: OAuthRequest,
  path: string,
  route: string | undefined,
  respond: () => MaybePromise<OAuthResponse>,
): MaybePromise<OAuthResponse> {
  if (!tracingEnabled() && !propagatorRegistered()) return respond();
  const active = context.active();
  const nested = trace.getSpan(active) !== undefined;
  const parent = nested ? active : propagation.extract(active, request.headers, HEADERS);
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
      const response = await respond();
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
}
