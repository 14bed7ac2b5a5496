/** XML namespaces of WS-Trust 1.3 over SOAP 1.2, SAML and XML-DSig, as ADFS uses them. */
export const NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  trust: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
  wsp: 'http://schemas.xmlsoap.org/ws/2004/09/policy',
  saml1: 'urn:oasis:names:tc:SAML:1.0:assertion',
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

/** WS-Trust 1.3 URIs of an Issue request for a bearer token. */
export const TRUST_URIS = {
  issueAction: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue',
  issueRequest: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue',
  bearerKey: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Bearer',
  passwordText: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText',
  anonymous: 'http://www.w3.org/2005/08/addressing/anonymous',
} as const;

/** TokenType values a client may request. */
export const TOKEN_TYPES = {
  saml11: 'urn:oasis:names:tc:SAML:1.0:assertion',
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
} as const;

export type TokenTypeName = keyof typeof TOKEN_TYPES;
