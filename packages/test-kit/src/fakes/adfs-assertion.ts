import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { SigningCertificate } from './signing-certificate.js';

export const SAML1_NS = 'urn:oasis:names:tc:SAML:1.0:assertion';
export const SAML2_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** What an assertion says. */
export interface AssertionContent {
  readonly version: 'saml11' | 'saml2';
  readonly issuer: string;
  readonly audience: string;
  readonly notBefore: Date;
  readonly notOnOrAfter: Date;
  /** Claim type URI → values. */
  readonly claims: ReadonlyArray<readonly [string, readonly string[]]>;
  readonly nameId?: string;
  /** Defaults to a fresh `_` + 32 hex digits. */
  readonly id?: string;
}

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iso = (d: Date) => `${d.toISOString().slice(0, 19)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}Z`;

function splitClaimType(type: string): [string, string] {
  const slash = type.lastIndexOf('/');
  return [type.slice(0, slash), type.slice(slash + 1)];
}

/**
 * An unsigned SAML assertion in the shape ADFS issues over WS-Trust: SAML 2.0 with Issuer, Subject
 * (bearer), Conditions/AudienceRestriction, AttributeStatement and AuthnStatement; SAML 1.1 with
 * Conditions/AudienceRestrictionCondition, AttributeStatement (namespace + name) and
 * AuthenticationStatement.
 *
 * @example buildAssertion({ version: 'saml2', issuer, audience, notBefore, notOnOrAfter, claims: [[upn, ['j@f.test']]] });
 */
export function buildAssertion(c: AssertionContent): { xml: string; id: string } {
  const id = c.id ?? `_${randomBytes(16).toString('hex')}`;
  const now = iso(c.notBefore);
  if (c.version === 'saml2') {
    const attrs = c.claims
      .map(([type, values]) => `<Attribute Name="${esc(type)}">${values.map((v) => `<AttributeValue>${esc(v)}</AttributeValue>`).join('')}</Attribute>`)
      .join('');
    const xml =
      `<Assertion ID="${id}" IssueInstant="${now}" Version="2.0" xmlns="${SAML2_NS}">` +
      `<Issuer>${esc(c.issuer)}</Issuer>` +
      `<Subject>${c.nameId ? `<NameID>${esc(c.nameId)}</NameID>` : ''}<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><SubjectConfirmationData NotOnOrAfter="${iso(c.notOnOrAfter)}"/></SubjectConfirmation></Subject>` +
      `<Conditions NotBefore="${now}" NotOnOrAfter="${iso(c.notOnOrAfter)}"><AudienceRestriction><Audience>${esc(c.audience)}</Audience></AudienceRestriction></Conditions>` +
      `<AttributeStatement>${attrs}</AttributeStatement>` +
      `<AuthnStatement AuthnInstant="${now}"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</AuthnContextClassRef></AuthnContext></AuthnStatement>` +
      '</Assertion>';
    return { xml, id };
  }
  const subject =
    `<saml:Subject>${c.nameId ? `<saml:NameIdentifier>${esc(c.nameId)}</saml:NameIdentifier>` : ''}` +
    '<saml:SubjectConfirmation><saml:ConfirmationMethod>urn:oasis:names:tc:SAML:1.0:cm:bearer</saml:ConfirmationMethod></saml:SubjectConfirmation></saml:Subject>';
  const attrs = c.claims
    .map(([type, values]) => {
      const [space, name] = splitClaimType(type);
      return `<saml:Attribute AttributeName="${esc(name)}" AttributeNamespace="${esc(space)}">${values.map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
    })
    .join('');
  const xml =
    `<saml:Assertion MajorVersion="1" MinorVersion="1" AssertionID="${id}" Issuer="${esc(c.issuer)}" IssueInstant="${now}" xmlns:saml="${SAML1_NS}">` +
    `<saml:Conditions NotBefore="${now}" NotOnOrAfter="${iso(c.notOnOrAfter)}"><saml:AudienceRestrictionCondition><saml:Audience>${esc(c.audience)}</saml:Audience></saml:AudienceRestrictionCondition></saml:Conditions>` +
    `<saml:AttributeStatement>${subject}${attrs}</saml:AttributeStatement>` +
    `<saml:AuthenticationStatement AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:password" AuthenticationInstant="${now}">${subject}</saml:AuthenticationStatement>` +
    '</saml:Assertion>';
  return { xml, id };
}

/**
 * Signs an assertion as ADFS does: enveloped XML-DSig, exclusive C14N, RSA-SHA256 / SHA-256, one
 * reference to the assertion's ID, the certificate in KeyInfo/X509Data; after the Issuer for SAML
 * 2.0, last for SAML 1.1.
 *
 * @example const signed = signAssertion(xml, 'saml2', signingCertificate);
 */
export function signAssertion(xml: string, version: 'saml11' | 'saml2', signer: SigningCertificate): string {
  const sig = new SignedXml({
    privateKey: signer.key,
    publicCert: signer.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    ...(version === 'saml11' ? { idAttribute: 'AssertionID' } : {}),
  });
  sig.addReference({
    xpath: "/*[local-name(.)='Assertion']",
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location:
      version === 'saml2'
        ? { reference: "/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' }
        : { reference: "/*[local-name(.)='Assertion']", action: 'append' },
  });
  return sig.getSignedXml();
}
