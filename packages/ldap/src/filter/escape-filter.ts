/**
 * Escapes a value for use inside an LDAP search filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL
 * become `\2a`, `\28`, `\29`, `\5c`, `\00`. Everything else, UTF-8 included, stays as it is, which
 * RFC 4515 allows and which keeps multi-byte characters intact through the filter parser.
 *
 * @example
 * escapeFilterValue('a*)(uid=*'); // 'a\\2a\\29\\28uid=\\2a'
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (char) => `\\${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Puts the escaped value into every `{0}` of a filter template such as `(sAMAccountName={0})`.
 *
 * @example
 * userFilter('(uid={0})', 'jdoe*'); // '(uid=jdoe\\2a)'
 */
export function userFilter(template: string, value: string): string {
  const escaped = escapeFilterValue(value);
  return template.replaceAll('{0}', () => escaped);
}
