/** Responses larger than this are refused: no Entra ID answer comes close. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What came back from one HTTP call, or why nothing usable did. */
export type JsonReply =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown; readonly retryAfter?: number }
  | { readonly kind: 'unreachable'; readonly reason: string };

async function readLimitedText(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

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
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { kind: 'unreachable', reason: name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'connection failed' };
  }
  let text: string | undefined;
  try {
    text = await readLimitedText(response, MAX_RESPONSE_BYTES);
  } catch {
    return { kind: 'unreachable', reason: 'the answer was cut off' };
  }
  if (text === undefined) return { kind: 'unreachable', reason: 'the answer was too large' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'unreachable', reason: `HTTP ${response.status} with a body that is not JSON` };
  }
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  return { kind: 'json', status: response.status, body, ...(retryAfter === undefined ? {} : { retryAfter }) };
}
