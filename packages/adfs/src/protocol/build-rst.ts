import { randomUUID } from 'node:crypto';
import { escapeXml } from './escape-xml.js';
import { NS, TOKEN_TYPES, TRUST_URIS, type TokenTypeName } from './namespaces.js';

/** What goes into one RequestSecurityToken. */
export interface RstInput {
  readonly endpoint: string;
  readonly realm: string;
  readonly tokenType: TokenTypeName;
  readonly username: string;
  readonly password: string;
  /** Epoch milliseconds, for the WS-Security timestamp. */
  readonly now: number;
}

/**
 * A WS-Trust 1.3 Issue request in a SOAP 1.2 envelope, with the user's credentials in a
 * WS-Security UsernameToken (PasswordText) as the `usernamemixed` endpoint expects. Every value is
 * XML-escaped; callers reject values XML cannot carry first ({@link isXmlSafe}).
 *
 * @example
 * const body = buildRst({ endpoint, realm: 'urn:auth0:example:fabrikam', tokenType: 'saml2', username, password, now: Date.now() });
 */
export function buildRst(input: RstInput): string {
  const created = new Date(input.now).toISOString();
  const expires = new Date(input.now + 5 * 60_000).toISOString();
  return (
    `<s:Envelope xmlns:s="${NS.soap12}" xmlns:a="${NS.wsa}" xmlns:u="${NS.wsu}">` +
    '<s:Header>' +
    `<a:Action s:mustUnderstand="1">${TRUST_URIS.issueAction}</a:Action>` +
    `<a:MessageID>urn:uuid:${randomUUID()}</a:MessageID>` +
    `<a:ReplyTo><a:Address>${TRUST_URIS.anonymous}</a:Address></a:ReplyTo>` +
    `<a:To s:mustUnderstand="1">${escapeXml(input.endpoint)}</a:To>` +
    `<o:Security s:mustUnderstand="1" xmlns:o="${NS.wsse}">` +
    `<u:Timestamp u:Id="_0"><u:Created>${created}</u:Created><u:Expires>${expires}</u:Expires></u:Timestamp>` +
    `<o:UsernameToken u:Id="uuid-${randomUUID()}">` +
    `<o:Username>${escapeXml(input.username)}</o:Username>` +
    `<o:Password Type="${TRUST_URIS.passwordText}">${escapeXml(input.password)}</o:Password>` +
    '</o:UsernameToken>' +
    '</o:Security>' +
    '</s:Header>' +
    '<s:Body>' +
    `<trust:RequestSecurityToken xmlns:trust="${NS.trust}">` +
    `<wsp:AppliesTo xmlns:wsp="${NS.wsp}"><a:EndpointReference><a:Address>${escapeXml(input.realm)}</a:Address></a:EndpointReference></wsp:AppliesTo>` +
    `<trust:KeyType>${TRUST_URIS.bearerKey}</trust:KeyType>` +
    `<trust:RequestType>${TRUST_URIS.issueRequest}</trust:RequestType>` +
    `<trust:TokenType>${TOKEN_TYPES[input.tokenType]}</trust:TokenType>` +
    '</trust:RequestSecurityToken>' +
    '</s:Body>' +
    '</s:Envelope>'
  );
}
