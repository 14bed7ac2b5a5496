import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isSpanContextValid, trace } from '@opentelemetry/api';

/** Who a log or audit line belongs to: the request id and, when the caller sent one, its W3C trace. */
export interface RequestContext {
  readonly requestId: string;
  readonly traceId?: string;
}

/** The context of the request being served, for lines written far from the request (core's logger, audit). */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** A caller's id is kept when it is short visible ASCII; anything else is replaced, never logged. */
const CALLER_ID = /^[\x21-\x7e]{1,128}$/;
/** W3C trace context: version-traceid-parentid-flags, lower-case hex, ids not all zeros. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request id: the caller's `X-Request-Id` when it is 1–128 visible ASCII characters (a proxy's
 * or a client's id, so one id follows the request end to end), else a fresh UUID.
 *
 * @example readRequestId({ 'x-request-id': 'abc-123' }); // 'abc-123'
 */
export function readRequestId(headers: IncomingHttpHeaders): string {
  const given = first(headers['x-request-id'])?.trim();
  return given !== undefined && CALLER_ID.test(given) ? given : randomUUID();
}

/**
 * The trace id of a valid W3C `traceparent` header, else undefined.
 *
 * @example readTraceId({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }); // '4bf92f35…'
 */
export function readTraceId(headers: IncomingHttpHeaders): string | undefined {
  const match = TRACEPARENT.exec(first(headers.traceparent)?.trim() ?? '');
  if (!match || match[1] === 'ff' || /^0+$/.test(match[2]!) || /^0+$/.test(match[3]!)) return undefined;
  return match[2];
}

/**
 * The fields every line written while serving a request carries: `request_id` and, with a
 * `traceparent`, `trace_id`; with tracing on (OTLP export), core's lines carry the trace id of the
 * span they were written in even when the caller sent none. Empty outside a request (start-up,
 * background sweeps).
 *
 * @example logger.info({ ...requestFields(), user_id }, 'something happened');
 */
export function requestFields(): { request_id?: string; trace_id?: string } {
  const context = requestContext.getStore();
  if (!context) return {};
  const span = context.traceId === undefined ? trace.getActiveSpan()?.spanContext() : undefined;
  const traceId = context.traceId ?? (span && isSpanContextValid(span) ? span.traceId : undefined);
  return { request_id: context.requestId, ...(traceId === undefined ? {} : { trace_id: traceId }) };
}
