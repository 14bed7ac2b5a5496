/**
 * Escapes a value for use as an attribute value inside a distinguished name (RFC 4514 §2.4), for
 * direct-bind templates such as `uid={0},ou=people,dc=example,dc=org`.
 *
 * @example
 * escapeDnValue('Doe, John'); // 'Doe\\, John'
 */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[\\,+"<>;=\0]/g, (char) => (char === '\0' ? '\\00' : `\\${char}`));
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}
