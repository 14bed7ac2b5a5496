import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { NS } from '../protocol/namespaces.js';
import { childElements, onlyChild, parseXml } from '../protocol/parse-xml.js';
import { readCertificate, type SigningCertificate } from './certificate.js';

/** Signature algorithms ADFS uses (SHA-1 only for relying parties still set to it). */
const SIGNATURE_ALGORITHMS = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
]);

/**
 * The ID attribute of an assertion per SAML version.
 *
 * @example assertionIdAttribute('saml11'); // 'AssertionID'
 */
export function assertionIdAttribute(version: 'saml11' | 'saml2'): 'AssertionID' | 'ID' {
  return version === 'saml11' ? 'AssertionID' : 'ID';
}

/**
 * The certificates a signature's KeyInfo presents (unverified: only a hint of which trusted key to use).
 *
 * @example presentedCertificates(signature).map((c) => c.thumbprint);
 */
export function presentedCertificates(signature: Element): SigningCertificate[] {
  const certs: SigningCertificate[] = [];
  for (const keyInfo of childElements(signature, NS.ds, 'KeyInfo')) {
    for (const data of childElements(keyInfo, NS.ds, 'X509Data')) {
      for (const x509 of childElements(data, NS.ds, 'X509Certificate')) {
        const cert = readCertificate(x509.textContent);
        if (cert) certs.push(cert);
      }
    }
  }
  return certs;
}

/**
 * The assertion's own enveloped signature: its one direct ds:Signature child.
 *
 * @example if (!assertionSignature(assertion)) reject('unsigned');
 */
export function assertionSignature(assertion: Element): Element | undefined {
  return onlyChild(assertion, NS.ds, 'Signature');
}

/**
 * Verifies the enveloped signature of an assertion inside the response `xml` with one of the
 * trusted `certificates`, and returns the assertion **as signed**: parsed from the canonical bytes
 * the signature covers (xml-crypto's `getSignedReferences`), never from the response document. The
 * signature must hold exactly one reference, to `#` + the ID of the very assertion it sits in,
 * and IDs must be unique in the response, which leaves signature wrapping nothing to work with.
 *
 * @example
 * const signed = verifyAssertionSignature(xml, assertion, 'saml2', trustedCertificates);
 */
export function verifyAssertionSignature(
  xml: string,
  assertion: Element,
  version: 'saml11' | 'saml2',
  certificates: readonly SigningCertificate[],
): { ok: true; assertion: Element } | { ok: false; reason: string } {
  const signature = assertionSignature(assertion);
  if (!signature) return { ok: false, reason: 'the assertion is not signed' };
  const idAttribute = assertionIdAttribute(version);
  const id = assertion.getAttribute(idAttribute);
  if (!id) return { ok: false, reason: `the assertion has no ${idAttribute}` };
  const signedInfo = onlyChild(signature, NS.ds, 'SignedInfo');
  const method = signedInfo && onlyChild(signedInfo, NS.ds, 'SignatureMethod')?.getAttribute('Algorithm');
  if (!method || !SIGNATURE_ALGORITHMS.has(method)) return { ok: false, reason: 'unsupported signature algorithm' };
  if (!signedInfo || childElements(signedInfo, NS.ds, 'Reference').length !== 1) {
    return { ok: false, reason: 'the signature must hold exactly one reference' };
  }

  for (const cert of certificates) {
    // xml-crypto already looks for `ID`; naming it again would count every element twice.
    const verifier = new SignedXml({ publicCert: cert.pem, getCertFromKeyInfo: () => null, ...(idAttribute === 'ID' ? {} : { idAttribute }) });
    let valid: boolean;
    try {
      verifier.loadSignature(signature);
      valid = verifier.checkSignature(xml) === true;
    } catch {
      valid = false;
    }
    if (!valid) continue;
    const references = verifier.getReferences();
    const signed = verifier.getSignedReferences();
    if (references.length !== 1 || signed.length !== 1 || references[0]!.uri !== `#${id}`) {
      return { ok: false, reason: 'the signature does not cover exactly this assertion' };
    }
    const parsed = parseXml(signed[0]!);
    const root = parsed.ok ? parsed.document.documentElement : undefined;
    if (!root || root.localName !== 'Assertion' || root.namespaceURI !== assertion.namespaceURI || root.getAttribute(idAttribute) !== id) {
      return { ok: false, reason: 'the signed content is not this assertion' };
    }
    return { ok: true, assertion: root };
  }
  return { ok: false, reason: 'the signature does not verify' };
}
