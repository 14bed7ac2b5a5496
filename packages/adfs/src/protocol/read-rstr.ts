import type { Document, Element } from '@xmldom/xmldom';
import { allChildElements, onlyChild, textOf } from './parse-xml.js';
import { NS } from './namespaces.js';

/** A SOAP 1.2 fault: the subcode as `{namespace}localName` and the reason text. */
export interface SoapFault {
  readonly code?: string;
  readonly subcode?: string;
  readonly reason?: string;
}

/** What a WS-Trust answer holds: the one assertion in RequestedSecurityToken, or a fault. */
export type RstrContent =
  | { readonly kind: 'assertion'; readonly assertion: Element; readonly version: 'saml11' | 'saml2' }
  | { readonly kind: 'fault'; readonly fault: SoapFault }
  | { readonly kind: 'malformed'; readonly reason: string };

function qname(el: Element | undefined): string | undefined {
  const value = textOf(el);
  if (!value || !el) return undefined;
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? value.slice(0, colon) : null;
  const local = colon > 0 ? value.slice(colon + 1) : value;
  const ns = el.lookupNamespaceURI(prefix);
  return ns ? `{${ns}}${local}` : local;
}

function readFault(fault: Element): SoapFault {
  const code = onlyChild(fault, NS.soap12, 'Code');
  const subcode = code && onlyChild(code, NS.soap12, 'Subcode');
  const reason = onlyChild(fault, NS.soap12, 'Reason');
  const text = reason && onlyChild(reason, NS.soap12, 'Text');
  const out: { code?: string; subcode?: string; reason?: string } = {};
  const c = qname(code && onlyChild(code, NS.soap12, 'Value'));
  const s = qname(subcode && onlyChild(subcode, NS.soap12, 'Value'));
  const r = textOf(text);
  if (c) out.code = c;
  if (s) out.subcode = s;
  if (r) out.reason = r.slice(0, 300);
  return out;
}

/**
 * Reads a SOAP 1.2 WS-Trust 1.3 answer by its exact structure: Envelope / Body / (Fault |
 * RequestSecurityTokenResponseCollection / RequestSecurityTokenResponse / RequestedSecurityToken /
 * Assertion). Exactly one of each is required, so a second (unsigned) assertion placed beside the
 * real one makes the answer malformed instead of ambiguous.
 *
 * @example
 * const content = readRstr(document);
 * if (content.kind === 'assertion') verify(content.assertion);
 */
export function readRstr(document: Document): RstrContent {
  const envelope = document.documentElement;
  if (!envelope || envelope.namespaceURI !== NS.soap12 || envelope.localName !== 'Envelope') {
    return { kind: 'malformed', reason: 'not a SOAP 1.2 envelope' };
  }
  const body = onlyChild(envelope, NS.soap12, 'Body');
  if (!body) return { kind: 'malformed', reason: 'no single SOAP Body' };
  const fault = onlyChild(body, NS.soap12, 'Fault');
  if (fault) return { kind: 'fault', fault: readFault(fault) };
  const children = allChildElements(body);
  const collection = children.length === 1 ? onlyChild(body, NS.trust, 'RequestSecurityTokenResponseCollection') : undefined;
  const response = collection && onlyChild(collection, NS.trust, 'RequestSecurityTokenResponse');
  const requested = response && onlyChild(response, NS.trust, 'RequestedSecurityToken');
  if (!requested) return { kind: 'malformed', reason: 'no single RequestedSecurityToken' };
  const tokens = allChildElements(requested);
  if (tokens.length !== 1) return { kind: 'malformed', reason: `RequestedSecurityToken holds ${tokens.length} elements, not one` };
  const token = tokens[0]!;
  if (token.localName === 'Assertion' && token.namespaceURI === NS.saml2) return { kind: 'assertion', assertion: token, version: 'saml2' };
  if (token.localName === 'Assertion' && token.namespaceURI === NS.saml1) return { kind: 'assertion', assertion: token, version: 'saml11' };
  if (token.localName === 'EncryptedAssertion' || token.namespaceURI === NS.xenc) {
    return { kind: 'malformed', reason: 'the assertion is encrypted; turn off token encryption on the relying party trust' };
  }
  return { kind: 'malformed', reason: `unexpected token ${token.localName}` };
}
