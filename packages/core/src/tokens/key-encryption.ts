import { compactDecrypt, CompactEncrypt, decodeProtectedHeader } from 'jose';
import { ConfigurationError } from '../errors/oauth-error.js';
import type { SigningKeyRecord } from '../ports/key-store.js';
import { base64UrlDecode } from '../util/encoding.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Reads a key-encryption key: 32 bytes as base64, base64url or hex (e.g. `openssl rand -base64 32`).
 * Throws {@link ConfigurationError} for anything else, without echoing the value.
 *
 * @example const kek = parseKeyEncryptionKey(process.env.OAUTH_RO_KEY_ENCRYPTION_KEY!);
 */
export function parseKeyEncryptionKey(text: string, name = 'keyEncryptionKey'): Uint8Array {
  const value = text.trim();
  let bytes: Uint8Array | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) {
    bytes = new Uint8Array(value.match(/../g)!.map((h) => parseInt(h, 16)));
  } else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    try {
      bytes = base64UrlDecode(value.replace(/=+$/, ''));
    } catch {
      bytes = undefined;
    }
  }
  if (bytes?.length !== 32) {
    throw new ConfigurationError(name, 'must be 32 bytes written as base64, base64url or hex (openssl rand -base64 32)');
  }
  return bytes;
}

/** True when a stored private key is sealed (a JWE) rather than plain JWK JSON. */
export function isSealedPrivateJwk(private_jwk: string): boolean {
  return !private_jwk.trimStart().startsWith('{');
}

/**
 * Encrypts a signing key's private JWK for storage: a compact JWE (`dir`, AES-256-GCM through
 * WebCrypto) whose protected header names the `kid`, so a sealed key cannot be swapped onto another record.
 *
 * @example const stored = await sealSigningKey(await generateSigningKey('RS256', clock), kek);
 */
export async function sealSigningKey(record: SigningKeyRecord, kek: Uint8Array): Promise<SigningKeyRecord> {
  if (isSealedPrivateJwk(record.private_jwk)) return record;
  const jwe = await new CompactEncrypt(encoder.encode(record.private_jwk))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: record.kid, cty: 'jwk+json' })
    .encrypt(kek);
  return { ...record, private_jwk: jwe };
}

/**
 * The private JWK JSON of a stored key: decrypted with `kek` when sealed, as is when plain. Throws
 * when a sealed key meets no KEK or the wrong one (the server must not start with keys it cannot use).
 *
 * @example const json = await openPrivateJwk(record, kek);
 */
export async function openPrivateJwk(record: SigningKeyRecord, kek: Uint8Array | undefined): Promise<string> {
  if (!isSealedPrivateJwk(record.private_jwk)) return record.private_jwk;
  if (!kek) throw new Error(`signing key ${record.kid} is encrypted at rest and no key-encryption key was given`);
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(record.private_jwk);
  } catch {
    throw new Error(`signing key ${record.kid} is neither a JWK nor a JWE`);
  }
  if (header.kid !== record.kid) throw new Error(`signing key ${record.kid} holds a sealed key of another kid`);
  try {
    const { plaintext } = await compactDecrypt(record.private_jwk, kek, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return decoder.decode(plaintext);
  } catch {
    throw new Error(`signing key ${record.kid} could not be decrypted: wrong key-encryption key`);
  }
}
