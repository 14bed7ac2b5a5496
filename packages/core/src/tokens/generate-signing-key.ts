import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { Clock } from '../ports/clock.js';
import type { SigningKeyRecord } from '../ports/key-store.js';

/**
 * Generates a fresh key pair as a storable record (private key in plain JWK; seal it with
 * `sealSigningKey` before storing when a key-encryption key is configured). `kid` is the RFC 7638
 * thumbprint. RS256 keys are 2048-bit, ES256 P-256, EdDSA Ed25519.
 *
 * @example const record = await generateSigningKey('RS256', clock);
 */
export async function generateSigningKey(alg: SigningKeyRecord['alg'], clock: Clock): Promise<SigningKeyRecord> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const meta = { kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    public_jwk: JSON.stringify({ ...publicJwk, ...meta }),
    private_jwk: JSON.stringify({ ...privateJwk, ...meta }),
    created_at: clock.now(),
  };
}
