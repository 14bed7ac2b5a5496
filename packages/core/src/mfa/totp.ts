/**
 * RFC 6238 TOTP as Google Authenticator and Auth0 Guardian's `authenticator` factor use it:
 * HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch (WebCrypto only, runtime-neutral).
 * docs/spec.md §5.9.
 */

/** Seconds per TOTP time step. */
export const TOTP_PERIOD_S = 30;
/** Digits of a TOTP code. */
export const TOTP_DIGITS = 6;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The TOTP time step that `atMs` (epoch milliseconds) falls in: `floor(t / 30 s)`.
 *
 * @example totpStep(59_000); // 1
 */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_S);
}

/**
 * The 6-digit code of `secret` for time step `step` (RFC 4226 HOTP over the step counter,
 * dynamic truncation, zero-padded).
 *
 * @example await totpCode(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')!, totpStep(59_000)); // '287082'
 */
export async function totpCode(secret: Uint8Array, step: number): Promise<string> {
  return (await totpCodes(secret, [step]))[0]!;
}

/**
 * The codes of several steps with one imported key (a login checks now ±1 step).
 *
 * @example await totpCodes(secret, [step - 1, step, step + 1]); // ['…', '…', '…']
 */
export async function totpCodes(secret: Uint8Array, steps: readonly number[]): Promise<string[]> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  return Promise.all(steps.map((step) => hotp(key, step)));
}

async function hotp(key: CryptoKey, step: number): Promise<string> {
  const counter = new Uint8Array(8);
  // The counter is a 64-bit big-endian integer; steps stay far below 2^53.
  let value = step;
  for (let i = 7; i >= 0; i--) {
    counter[i] = value % 256;
    value = Math.floor(value / 256);
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

/**
 * RFC 4648 base32 without padding (the form authenticator apps take a key in).
 *
 * @example base32Encode(new TextEncoder().encode('12345678901234567890')); // 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
 */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32, case-insensitive, ignoring spaces, dashes and `=` padding (as a user
 * may type a key). Undefined for any other character.
 *
 * @example base32Decode('gezd gnbv'); // Uint8Array [49, 50, 51, 52, 53]
 */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    buffer = (buffer << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return new Uint8Array(out);
}

/** What an authenticator app needs to add an account. */
export interface OtpauthUriInput {
  /** Shown as the account's provider in the app (the tenant's host name). */
  readonly issuer: string;
  /** The user's email or username. */
  readonly account: string;
  readonly secret_base32: string;
}

/**
 * The Google Authenticator key URI (`otpauth://totp/<issuer>:<account>?secret=…&issuer=…`) that a
 * QR code carries.
 *
 * @example otpauthUri({ issuer: 'login.example.com', account: 'jane@example.com', secret_base32: 'JBSWY3DPEHPK3PXP' });
 * // 'otpauth://totp/login.example.com:jane%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=login.example.com&algorithm=SHA1&digits=6&period=30'
 */
export function otpauthUri({ issuer, account, secret_base32 }: OtpauthUriInput): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = `secret=${secret_base32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_PERIOD_S}`;
  return `otpauth://totp/${label}?${query}`;
}
