import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5.js';

describe('md5Hex', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  // Digests of a reference implementation, written down so that core's tests stay runtime neutral
  // (no node: import): the lengths around MD5's 56- and 64-byte boundaries, and UTF-8 text.
  it.each([
    ['x'.repeat(55), '04364420e25c512fd958a70738aa8f72'],
    ['x'.repeat(56), '668a72d5ba17f08e62dabcafad6db14b'],
    ['x'.repeat(63), '7dc2ca208106a2f703567bdff99d8981'],
    ['x'.repeat(64), 'c1bb4f81d892b2d57947682aeb252456'],
    ['x'.repeat(65), '1bc932052302d074bdec39795fe00cf6'],
    ['x'.repeat(119), 'ab347a5f68c8a443cfcddc633f12c24f'],
    ['x'.repeat(120), 'fb98667f98096de92620b64f46e1c5b5'],
    ['é', '66ddcd97cfdeabb2f6fb8a999b4bc76f'],
    ['éé x', '6db6d75d67d8870d65eb321dede40fe6'],
    ['日本語' + 'x'.repeat(60), 'f8061b60bf3bd08fe2f8fe4b30112174'],
  ])('hashes %j as the reference does, block boundaries and UTF-8 included', (text, digest) => {
    expect(md5Hex(text)).toBe(digest);
  });
});
