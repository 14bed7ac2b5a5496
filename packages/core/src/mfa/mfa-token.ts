import { compactDecrypt, CompactEncrypt } from 'jose';
import type { MfaContext } from './prepare-mfa.js';
import { base64UrlEncode } from '../util/encoding.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** How long an `mfa_token` lives (Auth0: 10 minutes, not configurable). */
export const MFA_TOKEN_LIFETIME_S = 600;

/** What an `mfa_token` binds: the login that still needs its second factor. */
export interface MfaTokenClaims {
  readonly jti: string;
  readonly sub: string;
  /** The client the login was for; another client cannot redeem it. */
  readonly azp: string;
  readonly connection: string;
  readonly scope?: string;
  readonly audience?: string;
  readonly device?: string;
  /** Epoch seconds. */
  readonly exp: number;
}

/**
 * Issues an `mfa_token` for a login that passed its password (docs/spec.md §5.9): a compact JWE
 * (`dir`, AES-256-GCM, key derived from the key-encryption key), so its contents are neither
 * readable nor forgeable by the client; it lives 10 minutes and is redeemed once (its `jti` is
 * marked in the used-assertion store by the `mfa-otp` grant).
 *
 * @example const mfa_token = await issueMfaToken(ctx.mfa, { sub, azp, connection, scope }, random, now);
 */
export async function issueMfaToken(
  mfa: MfaContext,
  login: Omit<MfaTokenClaims, 'jti' | 'exp'>,
  random: { bytes(length: number): Uint8Array },
  nowMs: number,
): Promise<string> {
  const claims: MfaTokenClaims = { ...login, jti: base64UrlEncode(random.bytes(16)), exp: Math.floor(nowMs / 1000) + MFA_TOKEN_LIFETIME_S };
  return new CompactEncrypt(encoder.encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'mfa-token' }).encrypt(mfa.tokenKey);
}

/**
 * Opens an `mfa_token`: its claims, `expired` once past `exp`, or `malformed` for anything not
 * issued by this server's key (tampered, truncated, another deployment's).
 *
 * @example const opened = await openMfaToken(ctx.mfa, p.mfa_token, Date.now());
 */
export async function openMfaToken(mfa: MfaContext, token: string, nowMs: number): Promise<MfaTokenClaims | 'malformed' | 'expired'> {
  let claims: Partial<MfaTokenClaims>;
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(token, mfa.tokenKey, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    if (protectedHeader.cty !== 'mfa-token') return 'malformed';
    claims = JSON.parse(decoder.decode(plaintext)) as Partial<MfaTokenClaims>;
  } catch {
    return 'malformed';
  }
  const { jti, sub, azp, connection, exp } = claims;
  if (typeof jti !== 'string' || typeof sub !== 'string' || typeof azp !== 'string' || typeof connection !== 'string' || typeof exp !== 'number') return 'malformed';
  if (exp * 1000 <= nowMs) return 'expired';
  return claims as MfaTokenClaims;
}
