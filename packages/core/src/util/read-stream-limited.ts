import { readChunksLimited } from './read-chunks-limited.js';

/**
 * Reads a byte stream whole, stopping (and cancelling it) as soon as it passes `maxBytes`, so a
 * lying or missing length cannot make the caller buffer more. Undefined when it was too large.
 *
 * @example const bytes = await readStreamLimited(request.body, 16384); // undefined: too large
 */
export async function readStreamLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const bytes = await readChunksLimited(() => reader.read(), maxBytes);
  if (!bytes) await reader.cancel().catch(() => {});
  return bytes;
}
