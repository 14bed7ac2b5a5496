import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { readDevicePublicKey } from './read-device-public-key.js';

describe('readDevicePublicKey', () => {
  it('reads SPKI PEM for RSA and P-256, and PKCS#1 RSA PEM as older iOS apps sent it', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    const rsaJwk = await exportJWK(rsa.publicKey);
    const pkcs1 = createPublicKey({ key: rsaJwk as never, format: 'jwk' }).export({ type: 'pkcs1', format: 'pem' }).toString();
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
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const p384 = await generateKeyPair('ES384', { extractable: true });
    const cases: [unknown, RegExp][] = [
      [await exportJWK(ec.privateKey), /not a private/],
      ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /not a private/],
      [small.export({ format: 'jwk' }), /2048/],
      [small.export({ type: 'spki', format: 'pem' }), /2048/],
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
