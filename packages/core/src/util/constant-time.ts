const encoder = new TextEncoder();

/**
 * Compares two strings without an early exit, so the time taken does not tell how many leading
 * characters matched. Lengths are compared too, in constant time over the longer input.
 *
 * @example
 * constantTimeEqual(providedSecret, client.client_secret); // true or false
 */
export function constantTimeEqual(a: string, b: string): boolean {
  return constantTimeEqualBytes(encoder.encode(a), encoder.encode(b));
}

/** @example constantTimeEqualBytes(new Uint8Array([1]), new Uint8Array([1])); // true */
export function constantTimeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return diff === 0;
}
