import { toHex } from '../util/encoding.js';

const encoder = new TextEncoder();

/**
 * Lower-case hex SHA-256 of a token's text (WebCrypto). Refresh tokens are stored, looked up and
 * compared only by this hash, so a leaked table holds nothing a client could present.
 *
 * @example await hashToken('k3Jv…'); // '9f86d081…'
 */
export async function hashToken(token: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(token))));
}
