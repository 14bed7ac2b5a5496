import { randomUUID } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { SigningCertificate } from './signing-certificate.js';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const WSA = 'http://www.w3.org/2005/08/addressing';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const TRUST = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512';

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A WS-Trust 1.3 RequestSecurityTokenResponseCollection in a SOAP 1.2 envelope as ADFS answers
 * `usernamemixed`: Lifetime, AppliesTo, RequestedSecurityToken (the `tokenXml` as given), the
 * attached / unattached references, TokenType, RequestType and KeyType.
 *
 * @example rstrEnvelope(signedAssertion, { id, realm, tokenType, created, expires });
 */
export function rstrEnvelope(
  tokenXml: string,
  r: { id: string; realm: string; tokenType: string; created: Date; expires: Date; relatesTo?: string },
): string {
  const refType = r.tokenType.includes('2.0')
    ? 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID'
    : 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.0#SAMLAssertionID';
  const reference =
    `<o:SecurityTokenReference b:TokenType="${r.tokenType.includes('2.0') ? 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0' : 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1'}" xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:b="http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd" xmlns:o="${WSSE}">` +
    `<o:KeyIdentifier ValueType="${refType}">${r.id}</o:KeyIdentifier></o:SecurityTokenReference>`;
  return (
    `<s:Envelope xmlns:s="${SOAP12}" xmlns:a="${WSA}" xmlns:u="${WSU}">` +
    '<s:Header>' +
    '<a:Action s:mustUnderstand="1">http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal</a:Action>' +
    (r.relatesTo ? `<a:RelatesTo>${esc(r.relatesTo)}</a:RelatesTo>` : '') +
    `<o:Security s:mustUnderstand="1" xmlns:o="${WSSE}"><u:Timestamp u:Id="_0"><u:Created>${r.created.toISOString()}</u:Created><u:Expires>${new Date(r.created.getTime() + 300_000).toISOString()}</u:Expires></u:Timestamp></o:Security>` +
    '</s:Header>' +
    '<s:Body>' +
    `<trust:RequestSecurityTokenResponseCollection xmlns:trust="${TRUST}">` +
    '<trust:RequestSecurityTokenResponse>' +
    `<trust:Lifetime><wsu:Created xmlns:wsu="${WSU}">${r.created.toISOString()}</wsu:Created><wsu:Expires xmlns:wsu="${WSU}">${r.expires.toISOString()}</wsu:Expires></trust:Lifetime>` +
    `<wsp:AppliesTo xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy"><wsa:EndpointReference xmlns:wsa="${WSA}"><wsa:Address>${esc(r.realm)}</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>` +
    `<trust:RequestedSecurityToken>${tokenXml}</trust:RequestedSecurityToken>` +
    `<trust:RequestedAttachedReference>${reference}</trust:RequestedAttachedReference>` +
    `<trust:RequestedUnattachedReference>${reference}</trust:RequestedUnattachedReference>` +
    `<trust:TokenType>${r.tokenType}</trust:TokenType>` +
    '<trust:RequestType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue</trust:RequestType>' +
    '<trust:KeyType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Bearer</trust:KeyType>' +
    '</trust:RequestSecurityTokenResponse>' +
    '</trust:RequestSecurityTokenResponseCollection>' +
    '</s:Body>' +
    '</s:Envelope>'
  );
}

/**
 * A SOAP 1.2 fault as ADFS sends it (HTTP 500): Code `s:Sender` with a WS-Trust subcode whose
 * prefix is bound on the Value element itself, and the reason text (`ID3242: …` for bad credentials).
 *
 * @example soapFault('FailedAuthentication', 'ID3242: The security token could not be authenticated or authorized.');
 */
export function soapFault(subcode: string, reason: string, relatesTo?: string): string {
  return (
    `<s:Envelope xmlns:s="${SOAP12}" xmlns:a="${WSA}">` +
    '<s:Header><a:Action s:mustUnderstand="1">http://www.w3.org/2005/08/addressing/soap/fault</a:Action>' +
    `<a:RelatesTo>${esc(relatesTo ?? `urn:uuid:${randomUUID()}`)}</a:RelatesTo></s:Header>` +
    '<s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>' +
    `<s:Subcode><s:Value xmlns:a="${TRUST}">a:${subcode}</s:Value></s:Subcode></s:Code>` +
    `<s:Reason><s:Text xml:lang="en-US">${esc(reason)}</s:Text></s:Reason></s:Fault></s:Body>` +
    '</s:Envelope>'
  );
}

const keyDescriptor = (use: string, cert: SigningCertificate) =>
  `<KeyDescriptor use="${use}"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${cert.base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`;

/**
 * ADFS federation metadata (`/FederationMetadata/2007-06/FederationMetadata.xml`): an
 * EntityDescriptor signed with the token-signing key, whose STS RoleDescriptor and IDPSSODescriptor
 * list the signing certificates and the token-decrypting certificate (use="encryption").
 *
 * @example federationMetadata({ entityId, base, signing: [current], encryption, signer: current });
 */
export function federationMetadata(m: {
  entityId: string;
  base: string;
  signing: readonly SigningCertificate[];
  encryption: SigningCertificate;
  signer: SigningCertificate;
}): string {
  const signingKeys = m.signing.map((c) => keyDescriptor('signing', c)).join('');
  const xml =
    `<EntityDescriptor ID="_${randomUUID()}" entityID="${esc(m.entityId)}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">` +
    `<RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/ws-sx/ws-trust/200512 http://schemas.xmlsoap.org/ws/2005/02/trust http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706">` +
    `${keyDescriptor('encryption', m.encryption)}${signingKeys}` +
    `<fed:SecurityTokenServiceEndpoint><wsa:EndpointReference xmlns:wsa="${WSA}"><wsa:Address>${esc(m.base)}/adfs/services/trust/2005/certificatemixed</wsa:Address></wsa:EndpointReference></fed:SecurityTokenServiceEndpoint>` +
    `<fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="${WSA}"><wsa:Address>${esc(m.base)}/adfs/ls/</wsa:Address></wsa:EndpointReference></fed:PassiveRequestorEndpoint>` +
    '</RoleDescriptor>' +
    `<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keyDescriptor('encryption', m.encryption)}${signingKeys}` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(m.base)}/adfs/ls/"/>` +
    '</IDPSSODescriptor>' +
    '</EntityDescriptor>';
  const sig = new SignedXml({
    privateKey: m.signer.key,
    publicCert: m.signer.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: "/*[local-name(.)='EntityDescriptor']",
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: "/*[local-name(.)='EntityDescriptor']", action: 'prepend' } });
  return sig.getSignedXml();
}
