import { parseKeyEncryptionKey } from '../tokens/key-encryption.js';
import type { Logger } from '../ports/logger.js';
import { importCodeKey } from './hash-code.js';

const encoder = new TextEncoder();

/** Where the code hash key comes from, in order of preference. */
export interface CodeKeySources {
  /** 32 bytes, or their base64/base64url/hex text (`OAUTH_RO_CODE_HASH_KEY`). */
  readonly codeHashKey?: string | Uint8Array;
  /** The signing keys' key-encryption key; the code key is derived from it with HKDF when no explicit key is given. */
  readonly keyEncryptionKey?: Uint8Array;
  /** Whether any passwordless connection is configured (only then is a missing key worth a warning). */
  readonly needed: boolean;
  readonly random: { bytes(length: number): Uint8Array };
  readonly logger?: Logger;
}

async function hkdf(secret: Uint8Array, info: string): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(secret), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(info) },
    base,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * The HMAC key passwordless codes are hashed with. It must live outside the database (a key kept
 * next to the hashes would not protect them), so it is an explicit secret, else derived from the
 * key-encryption key (HKDF-SHA-256, its own `info`), else random for this process only: safe (no
 * default secret), but codes then do not survive a restart nor work across instances, which the
 * logger is told once.
 *
 * @example const key = await deriveCodeKey({ codeHashKey: process.env.OAUTH_RO_CODE_HASH_KEY, needed: true, random });
 */
export async function deriveCodeKey(sources: CodeKeySources): Promise<CryptoKey> {
  if (sources.codeHashKey !== undefined) {
    const bytes =
      typeof sources.codeHashKey === 'string' ? parseKeyEncryptionKey(sources.codeHashKey, 'codeHashKey') : sources.codeHashKey;
    return importCodeKey(bytes);
  }
  if (sources.keyEncryptionKey) return importCodeKey(await hkdf(sources.keyEncryptionKey, 'oauth-ro passwordless code hash v1'));
  if (sources.needed) {
    sources.logger?.warn(
      {},
      'no code hash key given: passwordless codes are hashed with a key of this process only (set a code hash key or key-encryption key to share codes between instances and restarts)',
    );
  }
  return importCodeKey(sources.random.bytes(32));
}
