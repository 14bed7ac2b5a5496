import { readStreamLimited } from './read-stream-limited.js';

/** What came back from one HTTP call, or why nothing did. */
export type LimitedTextReply =
  | { readonly kind: 'reply'; readonly status: number; readonly headers: Headers; readonly text: string }
  | { readonly kind: 'unreachable'; readonly reason: string };

/** Limits of one {@link fetchLimitedText} call. */
export interface FetchLimits {
  /** For the connection and the headers (the signal stays armed while the body is read). */
  readonly timeoutMs: number;
  /** A body larger than this is refused as `unreachable` instead of being buffered. */
  readonly maxBytes: number;
}

/**
 * One outgoing HTTP exchange for a connection strategy (an identity provider, its metadata or keys):
 * a timeout, no redirects and a size cap, with Web APIs only. Network failures, timeouts, oversized
 * or cut-off bodies come back as `unreachable` with a reason fit for a log line (never the request).
 *
 * @example
 * const reply = await fetchLimitedText(url, { method: 'GET' }, { timeoutMs: 10_000, maxBytes: 1 << 20 });
 * if (reply.kind === 'reply' && reply.status === 200) use(reply.text);
 */
export async function fetchLimitedText(url: string, init: RequestInit, limits: FetchLimits): Promise<LimitedTextReply> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(limits.timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { kind: 'unreachable', reason: timedOut ? `no answer within ${limits.timeoutMs} ms` : 'connection failed' };
  }
  let text: string | undefined;
  try {
    const bytes = response.body ? await readStreamLimited(response.body, limits.maxBytes) : new Uint8Array(0);
    // A byte-order mark stays in the text: callers that parse or verify it see the bytes that came.
    text = bytes && new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  } catch {
    return { kind: 'unreachable', reason: 'the answer was cut off' };
  }
  if (text === undefined) return { kind: 'unreachable', reason: 'the answer was too large' };
  return { kind: 'reply', status: response.status, headers: response.headers, text };
}
