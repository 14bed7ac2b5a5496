import { compactDecrypt, CompactEncrypt, decodeProtectedHeader } from 'jose';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Seals a base32 TOTP secret for the store: a compact JWE (`dir`, AES-256-GCM) whose protected
 * header names the enrolment id, so a sealed secret cannot be moved onto another enrolment.
 *
 * @example const sealed = await sealTotpSecret('JBSWY3DPEHPK3PXP', 'totp|dev_abc', ctx.mfa.sealKey);
 */
export async function sealTotpSecret(secret_base32: string, enrollment_id: string, sealKey: CryptoKey): Promise<string> {
  return new CompactEncrypt(encoder.encode(secret_base32))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: enrollment_id, cty: 'totp-secret' })
    .encrypt(sealKey);
}

/**
 * Opens a sealed TOTP secret; undefined when it was sealed for another enrolment or with another key
 * (a key-encryption key that changed, or the per-process key of a development server that restarted).
 *
 * @example const secret = await openTotpSecret(record.sealed_secret, record.id, ctx.mfa.sealKey);
 */
export async function openTotpSecret(sealed: string, enrollment_id: string, sealKey: CryptoKey): Promise<string | undefined> {
  try {
    if (decodeProtectedHeader(sealed).kid !== enrollment_id) return undefined;
    const { plaintext } = await compactDecrypt(sealed, sealKey, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return decoder.decode(plaintext);
  } catch {
    return undefined;
  }
}
