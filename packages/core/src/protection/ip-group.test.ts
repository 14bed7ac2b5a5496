import { describe, expect, it } from 'vitest';
import { ipGroup } from './ip-group.js';

describe('ipGroup', () => {
  it('counts IPv4-mapped IPv6 as the IPv4 address, and every loopback as one', () => {
    expect(ipGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(ipGroup('::FFFF:c000:0207')).toBe('192.0.2.7');
    expect(ipGroup('192.0.2.7')).toBe('192.0.2.7');
    for (const ip of ['::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '127.0.0.1', '127.8.9.10']) expect(ipGroup(ip)).toBe('loopback');
  });

  it('groups IPv6 by /64, however the address is written', () => {
    const group = '2001:db8:1:2::/64';
    for (const ip of ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::1%eth0', '2001:db8:1:2::192.0.2.1']) {
      expect(ipGroup(ip)).toBe(group);
    }
    expect(ipGroup('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(ipGroup('::')).toBe('0:0:0:0::/64');
    expect(ipGroup('fe80::1')).toBe('fe80:0:0:0::/64');
  });

  it('returns what is no address as it came', () => {
    for (const ip of ['', 'unknown', '1.2.3.256', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::1', ':::']) expect(ipGroup(ip)).toBe(ip);
  });
});
