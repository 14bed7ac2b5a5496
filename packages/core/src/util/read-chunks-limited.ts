/** One step of a byte source: a Web stream reader's `read()` or an async iterator's `next()`. */
export type NextChunk = () => Promise<{ readonly done?: boolean | undefined; readonly value?: Uint8Array | string | undefined }>;

const encoder = new TextEncoder();

/**
 * Reads chunks until the source ends, stopping as soon as they pass `maxBytes` (the rest is left
 * unread for the caller to cancel or abandon). Undefined when it was too large; text chunks count as UTF-8.
 *
 * @example const bytes = await readChunksLimited(() => reader.read(), 16384);
 */
export async function readChunksLimited(next: NextChunk, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await next();
    if (done) break;
    if (value === undefined) continue;
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    size += bytes.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return concatBytes(chunks, size);
}

/**
 * The chunks as one array of `size` bytes (their total).
 *
 * @example concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])], 3); // Uint8Array [1, 2, 3]
 */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
