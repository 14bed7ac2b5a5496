/** Answers larger than this are cut off: no SMS API answers with more. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/** What came back from one POST, or why nothing did. */
export type PostReply =
  | { readonly kind: 'answered'; readonly status: number; readonly text: string }
  | { readonly kind: 'unreachable'; readonly reason: string };

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  // Node's fetch types its body as ReadableStream<any>; it yields bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      break;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * POSTs a body and reads the answer, within `timeoutMs` for the whole exchange. Redirects are not
 * followed (a redirected SMS API is a misconfiguration, and following it would resend the body
 * elsewhere). Network failures and timeouts come back as `unreachable`, never as a throw.
 *
 * @example const reply = await post('https://sms.example.com/send', { 'content-type': 'application/json' }, '{}', 10_000);
 */
export async function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostReply> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    return { kind: 'answered', status: response.status, text: await readLimited(response) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { kind: 'unreachable', reason: name === 'TimeoutError' || signal.aborted ? `no answer within ${timeoutMs} ms` : 'connection failed' };
  }
}
