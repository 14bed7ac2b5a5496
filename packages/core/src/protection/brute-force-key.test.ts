import { describe, expect, it } from 'vitest';
import { bruteForceKey, bruteForceKeyPrefix, parseBruteForceKey } from './brute-force-key.js';

describe('bruteForceKey', () => {
  it('round-trips parts that hold the separator (IPv6, odd usernames and connection names)', () => {
    const cases = [
      { connection: 'Username-Password-Authentication', identifier: 'a@x.io', ip: '2001:db8:0:0::/64' },
      { connection: 'we:ird', identifier: 'jo:hn%41', ip: 'loopback' },
      { connection: 'db', identifier: 'ünï', ip: '' },
    ];
    for (const parts of cases) expect(parseBruteForceKey(bruteForceKey(parts.connection, parts.identifier, parts.ip))).toEqual(parts);
  });

  it('normalises the identifier, so one person counts once however they type it', () => {
    expect(bruteForceKey('db', ' A@X.io ', '1.1.1.1')).toBe(bruteForceKey('db', 'a@x.io', '1.1.1.1'));
  });

  it('counts an IPv6 /64 as one network and IPv4-mapped addresses as IPv4', () => {
    expect(bruteForceKey('db', 'a@x.io', '2001:db8::1')).toBe(bruteForceKey('db', 'a@x.io', '2001:db8::ffff:2'));
    expect(bruteForceKey('db', 'a@x.io', '::ffff:192.0.2.1')).toBe(bruteForceKey('db', 'a@x.io', '192.0.2.1'));
    expect(bruteForceKey('db', 'a@x.io', '::1')).toBe(bruteForceKey('db', 'a@x.io', '::ffff:127.0.0.1'));
  });

  it('does not grow the identifier: a non-ASCII name is stored as its own text', () => {
    const key = bruteForceKey('db', '\u00fc'.repeat(200), '192.0.2.1');
    expect(key.length).toBeLessThan(220);
  });

  it('prefixes keys so that one identifier never matches another that starts like it', () => {
    const key = bruteForceKey('db', 'ann@x.io', '1.1.1.1');
    expect(key.startsWith(bruteForceKeyPrefix('db', 'ann@x.io'))).toBe(true);
    expect(key.startsWith(bruteForceKeyPrefix('db', 'an'))).toBe(false);
    expect(key.startsWith(bruteForceKeyPrefix('d'))).toBe(false);
    expect(key.startsWith(bruteForceKeyPrefix())).toBe(true);
  });

  it('refuses keys it did not make', () => {
    for (const key of ['pwl:ip:1', 'bf:a:b', 'bf:a:b:c:d', 'bf:%E0:b:c']) expect(parseBruteForceKey(key)).toBeUndefined();
  });
});
