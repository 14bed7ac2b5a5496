import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, otpauthUri, totpCode, totpStep } from './totp.js';

// RFC 6238 appendix B, SHA-1 column (8-digit reference values; a 6-digit code is their last six).
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totp', () => {
  it.each(VECTORS)('matches RFC 6238 appendix B at T=%i', async (seconds, eight) => {
    expect(await totpCode(RFC_SECRET, totpStep(seconds * 1000))).toBe(eight.slice(2));
  });

  it('counts 30-second steps from the epoch', () => {
    expect(totpStep(0)).toBe(0);
    expect(totpStep(29_999)).toBe(0);
    expect(totpStep(30_000)).toBe(1);
    expect(totpStep(1111111109_000)).toBe(0x23523ec);
  });

  it('round-trips base32 (RFC 4648 test vectors, unpadded)', () => {
    const enc = new TextEncoder();
    const cases: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(enc.encode(plain))).toBe(encoded);
      expect(base32Decode(encoded)).toEqual(enc.encode(plain));
    }
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('decodes what a user types (lower case, spaces, padding) and refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb-oi======')).toEqual(new TextEncoder().encode('foobar'));
    expect(base32Decode('MZXW1')).toBeUndefined();
    expect(base32Decode('MZ!W')).toBeUndefined();
  });

  it('builds the Google Authenticator key URI', () => {
    expect(otpauthUri({ issuer: 'login.example.com', account: 'jane+1@example.com', secret_base32: 'JBSWY3DPEHPK3PXP' })).toBe(
      'otpauth://totp/login.example.com:jane%2B1%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=login.example.com&algorithm=SHA1&digits=6&period=30',
    );
  });
});
