import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { generateSigningKey } from './generate-signing-key.js';
import { isSealedPrivateJwk, openPrivateJwk, parseKeyEncryptionKey, sealSigningKey } from './key-encryption.js';

const clock = { now: () => 1_700_000_000_000 };
const kek = crypto.getRandomValues(new Uint8Array(32));

describe('key encryption at rest', () => {
  it('reads 32 bytes written as base64, base64url or hex, and nothing else', () => {
    const b64 = btoa(String.fromCharCode(...kek));
    expect(parseKeyEncryptionKey(b64)).toEqual(kek);
    expect(parseKeyEncryptionKey(b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toEqual(kek);
    expect(parseKeyEncryptionKey([...kek].map((b) => b.toString(16).padStart(2, '0')).join(''))).toEqual(kek);
    for (const bad of ['', 'short', btoa('sixteen bytes!!!'), 'z'.repeat(64)]) {
      expect(() => parseKeyEncryptionKey(bad, 'OAUTH_RO_KEY_ENCRYPTION_KEY')).toThrow(ConfigurationError);
    }
  });

  it('seals the private JWK as a JWE bound to its kid, and opens it again', async () => {
    const record = await generateSigningKey('ES256', clock);
    const sealed = await sealSigningKey(record, kek);
    expect(isSealedPrivateJwk(sealed.private_jwk)).toBe(true);
    expect(sealed.private_jwk).not.toContain(JSON.parse(record.private_jwk).d);
    expect(sealed.public_jwk).toBe(record.public_jwk);
    expect(await openPrivateJwk(sealed, kek)).toBe(record.private_jwk);
    expect(await openPrivateJwk(record, undefined)).toBe(record.private_jwk);
  });

  it('refuses a sealed key without the KEK, with the wrong one, or moved to another kid', async () => {
    const sealed = await sealSigningKey(await generateSigningKey('ES256', clock), kek);
    await expect(openPrivateJwk(sealed, undefined)).rejects.toThrow(/no key-encryption key/);
    await expect(openPrivateJwk(sealed, new Uint8Array(32))).rejects.toThrow(/wrong key-encryption key/);
    await expect(openPrivateJwk({ ...sealed, kid: 'other' }, kek)).rejects.toThrow(/another kid/);
  });
});
