/**
 * Reads a request body as text, stopping as soon as it passes `limit` bytes (a lying or missing
 * `Content-Length` cannot make it buffer more).
 *
 * @example const body = await readLimitedText(c.req.raw, 16384); // { text } or { tooLarge: true }
 */
export async function readLimitedText(
  request: Request,
  limit: number,
): Promise<{ text: string; tooLarge?: false } | { tooLarge: true }> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (declared > limit) return { tooLarge: true };
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(all) };
}
