import { toHex } from '../util/encoding.js';

const encoder = new TextEncoder();

/**
 * Imports 32 secret bytes as the HMAC-SHA-256 key that codes are hashed with (WebCrypto, not
 * extractable).
 *
 * @example const key = await importCodeKey(crypto.getRandomValues(new Uint8Array(32)));
 */
export async function importCodeKey(secret: Uint8Array): Promise<CryptoKey> {
  if (secret.length < 32) throw new RangeError('the code hash key must be at least 32 bytes');
  return crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** HMAC-SHA-256 of NUL-separated parts, hex. NUL cannot occur in a connection, address, code, token or JSON binding. */
async function hmacHex(key: CryptoKey, parts: readonly string[]): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(parts.join('\0')))));
}

/**
 * The stored form of a code: HMAC-SHA-256 under the server key, bound to the connection and the
 * recipient, so a hash is worthless for any other recipient and, without the key, for everyone.
 *
 * @example await hashCode(key, 'sms', '+15550100000', '042917'); // '5be1…' (64 hex)
 */
export function hashCode(key: CryptoKey, connection: string, recipient: string, code: string): Promise<string> {
  return hmacHex(key, ['code', connection, recipient, code]);
}

/**
 * The id part of a passwordless user's `user_id` (24 hex), derived from the recipient under the
 * server key: `/passwordless/start` can name the id the first login will create, without storing
 * anything and without revealing the phone number or address.
 *
 * @example `sms|${await passwordlessUserId(key, 'sms', '+15550100000')}`; // 'sms|9c0e…'
 */
export async function passwordlessUserId(key: CryptoKey, connection: string, recipient: string): Promise<string> {
  return (await hmacHex(key, ['user', connection, recipient])).slice(0, 24);
}

/**
 * The stored form of a magic-link token: like {@link hashCode}, but also bound to the client and to
 * what the link asks for (`binding`: its canonical authentication parameters), so a link edited to
 * name another client, callback, state or nonce hashes differently and counts as a wrong try.
 *
 * @example await hashLinkToken(key, 'email', 'ann@example.com', '["spa","https://app.example.com/cb",…]', 'x8Vq…'); // '0d4a…' (64 hex)
 */
export function hashLinkToken(key: CryptoKey, connection: string, recipient: string, binding: string, token: string): Promise<string> {
  return hmacHex(key, ['link', connection, recipient, binding, token]);
}
