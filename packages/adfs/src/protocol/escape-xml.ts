/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR, lone surrogates, U+FFFE/F). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when a string can travel in an XML document unchanged.
 *
 * @example isXmlSafe('pa\u0000ss'); // false
 */
export function isXmlSafe(value: string): boolean {
  return !NOT_XML.test(value);
}

/**
 * Escapes text for XML element content or attribute values. CR is written as `&#13;` because a
 * parser turns a raw CR (or CRLF) into LF, which would change a password in transit.
 *
 * @example escapeXml(`a<b&"c"`); // 'a&lt;b&amp;&quot;c&quot;'
 */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"'\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === "'" ? '&apos;' : '&#13;',
  );
}
