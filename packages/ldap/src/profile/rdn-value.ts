/**
 * The value of a DN's first RDN, unescaped (RFC 4514): the group name in a `memberOf` value.
 *
 * @example
 * rdnValue('CN=Sales\\, EMEA,OU=Groups,DC=corp,DC=example,DC=com'); // 'Sales, EMEA'
 */
export function rdnValue(dn: string): string {
  const start = dn.indexOf('=');
  if (start < 0) return dn;
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length > 0) out += Buffer.from(bytes.splice(0)).toString('utf8');
  };
  for (let i = start + 1; i < dn.length; i++) {
    const char = dn[i] as string;
    if (char === ',' || char === '+') break;
    if (char === '\\') {
      const hex = dn.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
        continue;
      }
      flush();
      out += dn[i + 1] ?? '';
      i += 1;
      continue;
    }
    flush();
    out += char;
  }
  flush();
  return out.trim();
}
