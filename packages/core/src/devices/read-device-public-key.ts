import { exportJWK, importSPKI, type JWK } from 'jose';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { DeviceKeyAlg } from '../ports/device-credential-store.js';
import { base64UrlDecode } from '../util/encoding.js';
import { err, ok, type Result } from '../util/result.js';

/** A device public key, reduced to its public members, with the algorithm it signs with. */
export interface DevicePublicKey {
  readonly jwk: JWK;
  readonly alg: DeviceKeyAlg;
}

const MAX_KEY_TEXT = 8192;
const MIN_RSA_BYTES = 256;
/** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
const RSA_ALGORITHM_ID = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** iOS exported RSA keys as PKCS#1 (`BEGIN RSA PUBLIC KEY`); WebCrypto wants SPKI, so wrap it. */
function pkcs1ToSpkiPem(pkcs1: Uint8Array): string {
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...RSA_ALGORITHM_ID, ...bitString];
  const der = new Uint8Array([0x30, ...derLength(body.length), ...body]);
  let binary = '';
  for (const b of der) binary += String.fromCharCode(b);
  return `-----BEGIN PUBLIC KEY-----\n${btoa(binary)}\n-----END PUBLIC KEY-----`;
}

function decodedLength(value: string): number {
  try {
    return base64UrlDecode(value).length;
  } catch {
    return 0;
  }
}

function fromJwk(raw: Record<string, unknown>): Result<DevicePublicKey, OAuthError> {
  if ('d' in raw) return err(oauthError('invalid_parameter', 'value must be a public key, not a private one'));
  if (raw.kty === 'RSA' && typeof raw.n === 'string' && typeof raw.e === 'string') {
    if (decodedLength(raw.n) < MIN_RSA_BYTES) {
      return err(oauthError('invalid_parameter', 'value must be an RSA key of at least 2048 bits'));
    }
    return ok({ jwk: { kty: 'RSA', n: raw.n, e: raw.e }, alg: 'RS256' });
  }
  if (raw.kty === 'EC' && raw.crv === 'P-256' && typeof raw.x === 'string' && typeof raw.y === 'string') {
    return ok({ jwk: { kty: 'EC', crv: 'P-256', x: raw.x, y: raw.y }, alg: 'ES256' });
  }
  return err(oauthError('invalid_parameter', 'value must be an RSA (RS256) or P-256 (ES256) public key'));
}

async function fromPem(pem: string): Promise<Result<DevicePublicKey, OAuthError>> {
  if (/PRIVATE KEY-----/.test(pem)) return err(oauthError('invalid_parameter', 'value must be a public key, not a private one'));
  const pkcs1 = /-----BEGIN RSA PUBLIC KEY-----([\s\S]+?)-----END RSA PUBLIC KEY-----/.exec(pem);
  let spki = pem;
  try {
    if (pkcs1) spki = pkcs1ToSpkiPem(base64UrlDecode(pkcs1[1]!.replace(/\s+/g, '')));
  } catch {
    return err(oauthError('invalid_parameter', 'value is not valid PEM'));
  }
  for (const alg of ['RS256', 'ES256'] as const) {
    try {
      const jwk = await exportJWK(await importSPKI(spki, alg, { extractable: true }));
      return fromJwk(jwk);
    } catch {
      // Not this algorithm's key type; try the next.
    }
  }
  return err(oauthError('invalid_parameter', 'value must be a PEM public key (RSA or P-256)'));
}

/**
 * Reads a device public key sent to `/api/v2/device-credentials` as `value`: PEM (SPKI `BEGIN PUBLIC
 * KEY`, or PKCS#1 `BEGIN RSA PUBLIC KEY` as older iOS apps sent), or a JWK (object or JSON text).
 * RSA keys (2048 bits or more) sign RS256, P-256 keys ES256; private keys are refused.
 *
 * @example
 * const key = await readDevicePublicKey(pem); // { ok: true, value: { jwk: { kty: 'RSA', … }, alg: 'RS256' } }
 */
export async function readDevicePublicKey(value: unknown): Promise<Result<DevicePublicKey, OAuthError>> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return fromJwk(value as Record<string, unknown>);
  if (typeof value !== 'string') return err(oauthError('invalid_parameter', 'value must be a PEM public key'));
  if (value.length > MAX_KEY_TEXT) return err(oauthError('invalid_parameter', 'value is too long'));
  const text = value.trim();
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return fromJwk(parsed as Record<string, unknown>);
    } catch {
      // Fall through to the error below.
    }
    return err(oauthError('invalid_parameter', 'value is not a valid JWK'));
  }
  if (!text.startsWith('-----BEGIN')) return err(oauthError('invalid_parameter', 'value must be a PEM public key'));
  return fromPem(text);
}
