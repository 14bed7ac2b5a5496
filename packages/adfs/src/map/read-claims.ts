import type { Element } from '@xmldom/xmldom';
import { NS } from '../protocol/namespaces.js';
import { childElements, onlyChild, textOf } from '../protocol/parse-xml.js';

/** The claims of a signed assertion: values by full claim type URI, plus the subject's name id and the issuer. */
export interface AssertionClaims {
  readonly attributes: ReadonlyMap<string, readonly string[]>;
  readonly nameId?: string;
  readonly issuer?: string;
}

function add(map: Map<string, string[]>, type: string, values: string[]): void {
  if (values.length > 0) map.set(type, [...(map.get(type) ?? []), ...values]);
}

function values(attribute: Element, ns: string): string[] {
  return childElements(attribute, ns, 'AttributeValue')
    .map((v) => textOf(v))
    .filter((v): v is string => v !== undefined);
}

function saml2(assertion: Element): AssertionClaims {
  const attributes = new Map<string, string[]>();
  for (const statement of childElements(assertion, NS.saml2, 'AttributeStatement')) {
    for (const attribute of childElements(statement, NS.saml2, 'Attribute')) {
      const name = attribute.getAttribute('Name');
      if (name) add(attributes, name, values(attribute, NS.saml2));
    }
  }
  const subject = onlyChild(assertion, NS.saml2, 'Subject');
  const nameId = textOf(subject && onlyChild(subject, NS.saml2, 'NameID'));
  const issuer = textOf(onlyChild(assertion, NS.saml2, 'Issuer'));
  return { attributes, ...(nameId ? { nameId } : {}), ...(issuer ? { issuer } : {}) };
}

function saml11(assertion: Element): AssertionClaims {
  const attributes = new Map<string, string[]>();
  let nameId: string | undefined;
  for (const statement of childElements(assertion, NS.saml1, 'AttributeStatement')) {
    for (const attribute of childElements(statement, NS.saml1, 'Attribute')) {
      const space = attribute.getAttribute('AttributeNamespace');
      const name = attribute.getAttribute('AttributeName');
      if (name) add(attributes, space ? `${space.replace(/\/+$/, '')}/${name}` : name, values(attribute, NS.saml1));
    }
    const subject = onlyChild(statement, NS.saml1, 'Subject');
    nameId ??= textOf(subject && onlyChild(subject, NS.saml1, 'NameIdentifier'));
  }
  const issuer = assertion.getAttribute('Issuer') ?? undefined;
  return { attributes, ...(nameId ? { nameId } : {}), ...(issuer ? { issuer } : {}) };
}

/**
 * Reads the attribute statements of a signed SAML 1.1 or 2.0 assertion. SAML 1.1 attributes are
 * keyed `AttributeNamespace/AttributeName`, which gives the same claim type URIs as SAML 2.0's `Name`.
 *
 * @example readClaims(signed, 'saml2').attributes.get(CLAIM_TYPES.upn);
 */
export function readClaims(assertion: Element, version: 'saml11' | 'saml2'): AssertionClaims {
  return version === 'saml2' ? saml2(assertion) : saml11(assertion);
}
