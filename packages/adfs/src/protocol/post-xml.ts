/** Responses larger than this are refused before parsing: no RSTR or metadata comes close. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What came back from one HTTP call, or why nothing did. */
export type XmlReply =
  | { readonly kind: 'reply'; readonly status: number; readonly text: string }
  | { readonly kind: 'unreachable'; readonly reason: string };

async function readLimitedText(response: Response): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One HTTP exchange with ADFS (the WS-Trust POST or the metadata GET), with a timeout, no
 * redirects and a size cap. Network failures come back as `unreachable` with a reason for the log.
 *
 * @example
 * const reply = await exchangeXml(url, { method: 'POST', body }, 10_000);
 */
export async function exchangeXml(url: string, init: RequestInit, timeoutMs: number): Promise<XmlReply> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { kind: 'unreachable', reason: timedOut ? `no answer within ${timeoutMs} ms` : 'connection failed' };
  }
  try {
    const text = await readLimitedText(response);
    if (text === undefined) return { kind: 'unreachable', reason: 'the answer was too large' };
    return { kind: 'reply', status: response.status, text };
  } catch {
    return { kind: 'unreachable', reason: 'the answer was cut off' };
  }
}
