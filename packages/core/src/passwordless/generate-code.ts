import type { Random } from '../ports/random.js';

/**
 * A numeric one-time code of `length` digits from a CSPRNG. Each digit comes from one random byte
 * below 250 (bytes 250–255 are drawn again), so every digit is exactly uniform: a modulo of the
 * whole byte range would favour 0–5.
 *
 * @example generateCode(webCryptoRandom, 6); // '042917'
 */
export function generateCode(random: Random, length: number): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('a code needs at least one digit');
  let code = '';
  while (code.length < length) {
    for (const byte of random.bytes(length - code.length + 4)) {
      if (byte < 250 && code.length < length) code += String(byte % 10);
    }
  }
  return code;
}
