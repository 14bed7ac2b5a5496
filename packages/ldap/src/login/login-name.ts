/** Longest login name sent to a directory; AD's own limit (UPN) is 1024, sAMAccountName 20. */
const MAX_LENGTH = 512;

/**
 * The name that fills `{0}`: `DOMAIN\jdoe` becomes `jdoe` (refused when `domain` is set and differs),
 * `jdoe@corp.example.com` and `jdoe` stay as typed. Undefined means "no such user" without asking
 * the directory (empty, too long, control characters, or another domain).
 *
 * @example
 * loginName('CORP\\jdoe', 'corp'); // 'jdoe'
 * loginName('OTHER\\jdoe', 'corp'); // undefined
 */
export function loginName(username: string, domain: string | undefined): string | undefined {
  if (username.length === 0 || username.length > MAX_LENGTH) return undefined;
  // Samba compares values as C strings: `jdoe\0…` would find jdoe. No real login name has controls.
  if (/[\u0000-\u001f\u007f]/.test(username)) return undefined;
  const slash = username.indexOf('\\');
  if (slash < 0) return username;
  const prefix = username.slice(0, slash);
  const name = username.slice(slash + 1);
  if (prefix.length === 0 || name.length === 0) return undefined;
  if (domain !== undefined && !sameDomain(prefix, domain)) return undefined;
  return name;
}

/** `CORP` matches `corp` and `corp.example.com` (the NetBIOS name is usually the DNS name's first label). */
function sameDomain(prefix: string, domain: string): boolean {
  const a = prefix.toLowerCase();
  const b = domain.toLowerCase();
  return a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`);
}
