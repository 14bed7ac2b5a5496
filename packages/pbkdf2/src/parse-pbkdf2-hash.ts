import { decodePhcBase64, encodePhcBase64 } from './phc-base64.js';

/** The parts of a `$pbkdf2-sha256$i=<iterations>$<salt>$<hash>` string. */
export interface Pbkdf2Hash {
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

const PHC = /^\$pbkdf2-sha256\$i=([1-9][0-9]{0,9})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Reads a PBKDF2-SHA256 PHC string, or undefined if it is not one (another algorithm such as an
 * argon2 or bcrypt hash, or a damaged string). Salt and hash must be at least 16 bytes.
 *
 * @example parsePbkdf2Hash('$pbkdf2-sha256$i=100000$c2FsdHNhbHRzYWx0c2FsdA$…'); // { iterations: 100000, salt, hash }
 */
export function parsePbkdf2Hash(phc: string): Pbkdf2Hash | undefined {
  const m = PHC.exec(phc);
  if (!m) return undefined;
  const iterations = Number(m[1]);
  const salt = decodePhcBase64(m[2]!);
  const hash = decodePhcBase64(m[3]!);
  if (!salt || !hash || salt.length < 16 || hash.length < 16 || !Number.isSafeInteger(iterations)) return undefined;
  return { iterations, salt, hash };
}

/**
 * Writes the PHC string {@link parsePbkdf2Hash} reads.
 *
 * @example formatPbkdf2Hash({ iterations: 600000, salt, hash }); // '$pbkdf2-sha256$i=600000$…$…'
 */
export function formatPbkdf2Hash(parts: Pbkdf2Hash): string {
  return `$pbkdf2-sha256$i=${parts.iterations}$${encodePhcBase64(parts.salt)}$${encodePhcBase64(parts.hash)}`;
}
