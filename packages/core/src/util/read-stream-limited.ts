/**
 * Reads a byte stream whole, stopping (and cancelling it) as soon as it passes `maxBytes`, so a
 * lying or missing length cannot make the caller buffer more. Undefined when it was too large.
 *
 * @example const bytes = await readStreamLimited(request.body, 16384); // undefined: too large
 */
export async function readStreamLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
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
  return all;
}
