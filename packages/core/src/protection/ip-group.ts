const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Octets(text: string): number[] | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** The eight 16-bit groups of an IPv6 address (zone and embedded IPv4 allowed), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  const address = text.replace(/%.*$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.length > 45) return undefined;
  let tail: number[] = [];
  let head = address;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    const v4 = ipv4Octets(address.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    head = address.slice(0, lastColon);
    if (head.endsWith(':')) head += ':'; // the IPv4 part followed a '::'
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const left = parse(halves[0]!);
  const right = halves.length === 2 ? parse(halves[1]!) : [];
  const known = left.length + right.length + tail.length;
  if ([...left, ...right].some(Number.isNaN) || known > 8 || (halves.length === 1 && known !== 8) || (halves.length === 2 && known === 8)) return undefined;
  return [...left, ...Array<number>(8 - known).fill(0), ...right, ...tail];
}

/**
 * The network a client address counts as for per-IP limits: an IPv4 address as itself (also when
 * written IPv4-mapped, `::ffff:192.0.2.1`), every loopback address as `loopback`, and an IPv6
 * address as its /64 (`2001:db8:1:2::/64`): one IPv6 host is normally given a whole /64, so
 * counting addresses would give it 2^64 budgets. Anything else is returned as it came.
 *
 * @example ipGroup('2001:db8:1:2:aaaa::1'); // '2001:db8:1:2::/64'
 * @example ipGroup('::ffff:127.0.0.1'); // 'loopback'
 */
export function ipGroup(ip: string): string {
  const v4 = ipv4Octets(ip);
  if (v4) return v4[0] === 127 ? 'loopback' : v4.join('.');
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback';
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return ipGroup(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}
