import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { readDevicePublicKey } from './read-device-public-key.js';

/** Reads one DER header at `at`: returns where its content starts and its length. */
function derItem(der: Uint8Array, at: number): { start: number; length: number } {
  const first = der[at + 1]!;
  if (first < 0x80) return { start: at + 2, length: first };
  let length = 0;
  for (let i = 0; i < (first & 0x7f); i++) length = (length << 8) | der[at + 2 + i]!;
  return { start: at + 2 + (first & 0x7f), length };
}

/** PKCS#1 PEM of an RSA public key (WebCrypto only exports SPKI, whose BIT STRING holds the PKCS#1 key). */
async function exportPkcs1(key: CryptoKey): Promise<string> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', key));
  const algorithm = derItem(spki, derItem(spki, 0).start);
  const bitString = derItem(spki, algorithm.start + algorithm.length);
  const pkcs1 = spki.subarray(bitString.start + 1, bitString.start + bitString.length);
  const base64 = btoa(String.fromCharCode(...pkcs1)).replace(/.{64}/g, '$&\n');
  return `-----BEGIN RSA PUBLIC KEY-----\n${base64}\n-----END RSA PUBLIC KEY-----\n`;
}

/** A 1024-bit RSA public key (jose refuses to generate one below 2048 bits). */
async function smallRsaPublicKey(): Promise<CryptoKey> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const pair = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  return pair.publicKey;
}

describe('readDevicePublicKey', () => {
  it('reads SPKI PEM for RSA and P-256, and PKCS#1 RSA PEM as older iOS apps sent it', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    const rsaJwk = await exportJWK(rsa.publicKey);
    const pkcs1 = await exportPkcs1(rsa.publicKey);
    expect(pkcs1).toContain('BEGIN RSA PUBLIC KEY');
    for (const [value, alg] of [
      [await exportSPKI(rsa.publicKey), 'RS256'],
      [pkcs1, 'RS256'],
      [await exportSPKI(ec.publicKey), 'ES256'],
      [JSON.stringify(await exportJWK(ec.publicKey)), 'ES256'],
      [rsaJwk, 'RS256'],
    ] as const) {
      const key = await readDevicePublicKey(value);
      expect(key.ok, String(value).slice(0, 40)).toBe(true);
      if (key.ok) expect(key.value.alg).toBe(alg);
    }
    const fromPkcs1 = await readDevicePublicKey(pkcs1);
    expect(fromPkcs1.ok && fromPkcs1.value.jwk).toEqual({ kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e });
  });

  it('refuses private keys, short RSA keys, other curves and garbage, saying why', async () => {
    const ec = await generateKeyPair('ES256', { extractable: true });
    const small = await smallRsaPublicKey();
    const p384 = await generateKeyPair('ES384', { extractable: true });
    const cases: [unknown, RegExp][] = [
      [await exportJWK(ec.privateKey), /not a private/],
      ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /not a private/],
      [await exportJWK(small), /2048/],
      [await exportSPKI(small), /2048/],
      [await exportSPKI(p384.publicKey), /PEM public key/],
      ['-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----', /PEM/],
      ['{not json', /JWK/],
      [42, /PEM/],
      ['x'.repeat(9000), /too long/],
    ];
    for (const [value, message] of cases) {
      const key = await readDevicePublicKey(value);
      expect(key.ok, String(value).slice(0, 40)).toBe(false);
      if (!key.ok) expect(key.error.description).toMatch(message);
    }
  });
});
