import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildRst } from './build-rst.js';
import { escapeXml, isXmlSafe } from './escape-xml.js';
import { NS, TOKEN_TYPES } from './namespaces.js';

describe('buildRst', () => {
  const username = `FABRIKAM\\j<o>h"n'&`;
  const password = 'p]]>&<!--x--><![CDATA[y]]>\r\n\tz';
  const xml = buildRst({ endpoint: 'https://adfs/x', realm: 'urn:a&b', tokenType: 'saml2', username, password, now: Date.UTC(2024, 0, 1) });
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const text = (ns: string, name: string) => doc.getElementsByTagNameNS(ns, name)[0]?.textContent;

  it('carries credentials and realm through XML unchanged, whatever characters they hold', () => {
    expect(text(NS.wsse, 'Username')).toBe(username);
    expect(text(NS.wsse, 'Password')).toBe(password);
    expect(doc.getElementsByTagNameNS(NS.wsp, 'AppliesTo')[0]?.textContent).toBe('urn:a&b');
    expect(doc.getElementsByTagNameNS(NS.wsse, 'UsernameToken')).toHaveLength(1);
  });

  it('is a SOAP 1.2 WS-Trust 1.3 Issue request for a bearer token of the asked type', () => {
    expect(doc.documentElement?.namespaceURI).toBe(NS.soap12);
    expect(text(NS.wsa, 'Action')).toBe('http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue');
    expect(text(NS.wsa, 'To')).toBe('https://adfs/x');
    expect(text(NS.trust, 'TokenType')).toBe(TOKEN_TYPES.saml2);
    expect(text(NS.trust, 'KeyType')).toBe('http://docs.oasis-open.org/ws-sx/ws-trust/200512/Bearer');
    expect(text(NS.wsu, 'Created')).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('escapeXml / isXmlSafe', () => {
  it('escapes markup and keeps CR as a character reference', () => {
    expect(escapeXml(`<a href="x">'&'\r</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&#13;&lt;/a&gt;');
  });
  it('refuses characters XML 1.0 cannot carry', () => {
    expect(isXmlSafe('ok ✓ 𝄞')).toBe(true);
    expect(isXmlSafe('nul\u0000')).toBe(false);
    expect(isXmlSafe('bell\u0007')).toBe(false);
    expect(isXmlSafe('lone\ud800')).toBe(false);
  });
});
