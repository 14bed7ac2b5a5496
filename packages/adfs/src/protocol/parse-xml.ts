import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Why a document was refused before anything in it was read. */
export type XmlRefusal = 'dtd' | 'malformed';

/**
 * Parses XML from the network, refusing any document type declaration (so no internal or external
 * entities, no entity expansion) and anything the parser reports, instead of repairing it.
 *
 * @example
 * const parsed = parseXml(text);
 * if (parsed.ok) parsed.document.documentElement;
 */
export function parseXml(text: string): { ok: true; document: Document } | { ok: false; reason: XmlRefusal } {
  // Checked on the raw text: a DTD must never reach a parser, whatever that parser does with it.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'dtd' };
  try {
    const document = new DOMParser({
      locator: false,
      onError(level, message) {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    if (!document.documentElement || document.doctype) return { ok: false, reason: 'malformed' };
    return { ok: true, document };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/**
 * The element children of `parent` with this namespace and local name (direct children only:
 * never a search of the subtree, where a wrapped copy could hide).
 *
 * @example childElements(body, NS.trust, 'RequestSecurityTokenResponseCollection');
 */
export function childElements(parent: Element | Document, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.namespaceURI === ns && el.localName === localName) found.push(el);
    }
  }
  return found;
}

/**
 * Every element child, whatever its name.
 *
 * @example allChildElements(requestedSecurityToken).length; // 1
 */
export function allChildElements(parent: Element): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) found.push(node as Element);
  return found;
}

/**
 * The only child with this name, or undefined when there is none or more than one.
 *
 * @example onlyChild(envelope, NS.soap12, 'Body');
 */
export function onlyChild(parent: Element | Document, ns: string, localName: string): Element | undefined {
  const found = childElements(parent, ns, localName);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Text content of an element, trimmed; undefined when empty.
 *
 * @example textOf(onlyChild(assertion, NS.saml2, 'Issuer'));
 */
export function textOf(el: Element | undefined): string | undefined {
  const text = el?.textContent?.trim();
  return text ? text : undefined;
}
