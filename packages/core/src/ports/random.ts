/**
 * Source of cryptographically secure randomness.
 *
 * @example
 * const id = deps.random.bytes(16);
 */
export interface Random {
  bytes(length: number): Uint8Array;
}

/** Web Crypto's CSPRNG; available on Node, Bun, Deno and Workers. */
export const webCryptoRandom: Random = {
  bytes(length) {
    const out = new Uint8Array(length);
    // getRandomValues fills at most 65536 bytes a call.
    for (let offset = 0; offset < length; offset += 65536) {
      crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
    }
    return out;
  },
};
