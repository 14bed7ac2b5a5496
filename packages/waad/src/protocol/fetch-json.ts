import { fetchLimitedText } from '@oauth-ro/core/ports';

/** Responses larger than this are refused: no Entra ID answer comes close. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What came back from one HTTP call, or why nothing usable did. */
export type JsonReply =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown; readonly retryAfter?: number }
  | { readonly kind: 'unreachable'; readonly reason: string };

function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/**
 * Calls an Entra ID endpoint and parses its JSON answer. Network failures, timeouts, oversized or
 * non-JSON bodies come back as `unreachable` with a reason for the log (never the request body).
 *
 * @example
 * const reply = await fetchJson(url, { method: 'GET' }, 10_000);
 * if (reply.kind === 'json' && reply.status === 200) use(reply.body);
 */
export async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<JsonReply> {
  const reply = await fetchLimitedText(url, init, { timeoutMs, maxBytes: MAX_RESPONSE_BYTES });
  if (reply.kind === 'unreachable') return reply;
  let body: unknown;
  try {
    // The shared reader keeps a byte-order mark (XML callers verify exact text); JSON has no use for it.
    body = JSON.parse(reply.text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'unreachable', reason: `HTTP ${reply.status} with a body that is not JSON` };
  }
  const retryAfter = retryAfterSeconds(reply.headers.get('retry-after'));
  return { kind: 'json', status: reply.status, body, ...(retryAfter === undefined ? {} : { retryAfter }) };
}
