import { ProxyTracer, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';

const TRACER_NAME = '@oauth-ro/core';

/**
 * Core's tracer. Through `@opentelemetry/api` alone: without an SDK registered by the host every
 * span is a no-op; with one (the standalone server's, or the host app's) spans are recorded.
 */
export const tracer: Tracer = trace.getTracer(TRACER_NAME);

let sdkSeen = false;

/**
 * Whether a tracer provider (an SDK) is registered, so that spans may be recorded. Without one the
 * API hands out a `ProxyTracer` with no delegate, whose spans are non-recording and carry their
 * parent's context unchanged: skipping them changes nothing a host can observe, and saves the span,
 * context and closure allocations on every request and port call. Asked until an SDK appears (it
 * may be registered after `createOAuthRo`); once there it stays.
 *
 * @example if (!tracingEnabled()) return fn();
 */
export function tracingEnabled(): boolean {
  sdkSeen ||= !(trace.getTracerProvider().getTracer(TRACER_NAME) instanceof ProxyTracer);
  return sdkSeen;
}

/**
 * Ends a span that failed by throwing: status ERROR and `error.type` the error's name. The message
 * is left out on purpose: a store's or a directory's message may quote what it was given.
 */
export function endWithError(span: Span, error: unknown): void {
  const type = error instanceof Error ? error.name : typeof error;
  span.setAttribute('error.type', type);
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Runs `fn` in a child span of the active one (its own children nest under it), ending the span when
 * the promise settles. Attributes must never carry a secret (passwords, tokens, codes, user ids).
 *
 * @example const user = await inSpan('verify password', {}, () => hasher.verify(hash, password));
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) {
    try {
      return fn();
    } catch (error) {
      // The same rejection as the traced path's async callback gives: whatever `fn` threw.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
  }
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      const value = await fn();
      span.end();
      return value;
    } catch (error) {
      endWithError(span, error);
      throw error;
    }
  });
}

/**
 * Runs a synchronous step (validation) in a span of its own; nothing nests under it.
 *
 * @example const params = inSyncSpan('validate', {}, () => validateRoRequest(body));
 */
export function inSyncSpan<T>(name: string, attributes: Attributes, fn: () => T): T {
  if (!tracingEnabled()) return fn();
  const span = tracer.startSpan(name, { attributes });
  try {
    const value = fn();
    span.end();
    return value;
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
}
