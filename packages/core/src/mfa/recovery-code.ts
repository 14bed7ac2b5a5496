import type { Random } from '../ports/random.js';
import { hashToken } from '../tokens/hash-token.js';

/** 32 letters and digits without the look-alikes 0/O and 1/I: 5 bits a character. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Auth0 Guardian's recovery codes are 24 characters (120 bits here). */
export const RECOVERY_CODE_LENGTH = 24;

/**
 * A new recovery code: 24 characters of a 32-letter alphabet (unbiased: 256 is a multiple of 32).
 *
 * @example generateRecoveryCode(deps.random); // 'N3BGPZZWJ85JLCNPZBDW6QXC'
 */
export function generateRecoveryCode(random: Random): string {
  let code = '';
  for (const byte of random.bytes(RECOVERY_CODE_LENGTH)) code += ALPHABET[byte % 32];
  return code;
}

/**
 * The recovery code as typed (spaces, dashes, lower case allowed) in its canonical form, or
 * undefined when it cannot be one (so a 6-digit TOTP code is never taken for a recovery code).
 *
 * @example normalizeRecoveryCode('n3bg pzzw-j85j lcnp zbdw 6qxc'); // 'N3BGPZZWJ85JLCNPZBDW6QXC'
 */
export function normalizeRecoveryCode(text: string): string | undefined {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return code.length === RECOVERY_CODE_LENGTH && /^[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * Lower-case hex SHA-256 of a canonical recovery code: the only form stored.
 *
 * @example await hashRecoveryCode('N3BGPZZWJ85JLCNPZBDW6QXC'); // '5f…'
 */
export function hashRecoveryCode(code: string): Promise<string> {
  return hashToken(code);
}
