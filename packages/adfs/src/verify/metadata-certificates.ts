import type { Element } from '@xmldom/xmldom';
import { NS } from '../protocol/namespaces.js';
import { childElements, parseXml } from '../protocol/parse-xml.js';
import { readCertificate, type SigningCertificate } from './certificate.js';

/** Roles whose keys sign ADFS tokens: the WS-Trust/WS-Fed STS role and the SAML IdP role. */
const SIGNING_ROLES = new Set(['RoleDescriptor', 'IDPSSODescriptor']);

function keyDescriptorCertificates(role: Element): SigningCertificate[] {
  const certs: SigningCertificate[] = [];
  for (const descriptor of childElements(role, NS.md, 'KeyDescriptor')) {
    const use = descriptor.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const keyInfo of childElements(descriptor, NS.ds, 'KeyInfo')) {
      for (const data of childElements(keyInfo, NS.ds, 'X509Data')) {
        for (const x509 of childElements(data, NS.ds, 'X509Certificate')) {
          const cert = readCertificate(x509.textContent);
          if (cert) certs.push(cert);
        }
      }
    }
  }
  return certs;
}

/**
 * The token-signing certificates in ADFS federation metadata: `KeyDescriptor`s with
 * `use="signing"` (or no `use`) of the STS and IdP roles. The metadata's own signature, the
 * encryption keys and anything outside those roles are ignored. Empty when the XML is unusable.
 *
 * @example metadataCertificates(await (await fetch(metadataUrl)).text());
 */
export function metadataCertificates(xml: string): SigningCertificate[] {
  const parsed = parseXml(xml);
  if (!parsed.ok) return [];
  const root = parsed.document.documentElement;
  if (!root || root.namespaceURI !== NS.md || root.localName !== 'EntityDescriptor') return [];
  const found = new Map<string, SigningCertificate>();
  for (let node = root.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === 1 && el.namespaceURI === NS.md && SIGNING_ROLES.has(el.localName ?? '')) {
      for (const cert of keyDescriptorCertificates(el)) found.set(cert.thumbprint, cert);
    }
  }
  return [...found.values()];
}
