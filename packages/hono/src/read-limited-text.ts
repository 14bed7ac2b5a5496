import { readStreamLimited } from '@oauth-ro/core';

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
  const bytes = await readStreamLimited(request.body, limit);
  return bytes ? { text: new TextDecoder().decode(bytes) } : { tooLarge: true };
}
