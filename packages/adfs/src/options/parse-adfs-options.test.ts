import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { makeSigningCertificate } from '@oauth-ro/test-kit';
import { describe, expect, it } from 'vitest';
import { normalizeThumbprint } from './normalize-thumbprint.js';
import { parseAdfsOptions } from './parse-adfs-options.js';

const connection = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'fabrikam', strategy: 'adfs', enabled_clients: [], options });
const THUMB = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function problem(options: Record<string, unknown>, tenant?: string): string {
  try {
    parseAdfsOptions(connection(options), 'connections[4]', tenant ? { tenant } : {});
  } catch (error) {
    expect((error as Error).name).toBe('ConfigurationError');
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('normalizeThumbprint', () => {
  it('accepts hex in any case, with the spaces and invisible mark Windows copies along', () => {
    expect(normalizeThumbprint('\u200eA1 B2 C3 D4 E5 F6 07 18 29 3A 4B 5C 6D 7E 8F 90 12 34 56 78')).toBe(THUMB);
    expect(normalizeThumbprint('a1:b2')).toBeUndefined();
  });
});

describe('parseAdfsOptions', () => {
  it('derives the usernamemixed endpoint from adfs_server and pins thumbprints', () => {
    const parsed = parseAdfsOptions(connection({ adfs_server: 'https://adfs.fabrikam.com/', thumbprints: [THUMB.toUpperCase()], entityId: 'urn:rp' }), 'c');
    expect(parsed).toEqual({
      wsTrustEndpoint: 'https://adfs.fabrikam.com/adfs/services/trust/13/usernamemixed',
      thumbprints: new Set([THUMB]),
      realm: 'urn:rp',
      tokenType: 'saml11',
    });
  });

  it('falls back to the federation metadata without thumbprints, and accepts a metadata URL as adfs_server', () => {
    const byHost = parseAdfsOptions(connection({ adfs_server: 'https://adfs.fabrikam.com' }), 'c', { tenant: 'example' });
    expect(byHost.metadataUrl).toBe('https://adfs.fabrikam.com/FederationMetadata/2007-06/FederationMetadata.xml');
    expect(byHost.realm).toBe('urn:auth0:example:fabrikam');
    const byUrl = parseAdfsOptions(connection({ adfs_server: 'https://adfs.fabrikam.com/FederationMetadata/2007-06/FederationMetadata.xml', realm: 'urn:rp', token_type: 'saml2' }), 'c');
    expect(byUrl.metadataUrl).toBe('https://adfs.fabrikam.com/FederationMetadata/2007-06/FederationMetadata.xml');
    expect(byUrl.wsTrustEndpoint).toBe('https://adfs.fabrikam.com/adfs/services/trust/13/usernamemixed');
    expect(byUrl.tokenType).toBe('saml2');
  });

  it('reads signing certificates from an inline fedMetadataXml', async () => {
    const cert = await makeSigningCertificate('inline');
    const xml =
      '<EntityDescriptor entityID="x" xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
      `<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${cert.base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>` +
      '</IDPSSODescriptor></EntityDescriptor>';
    const parsed = parseAdfsOptions(connection({ adfs_server: 'https://adfs.fabrikam.com', fedMetadataXml: xml, entityId: 'urn:rp' }), 'c');
    expect(parsed.metadataUrl).toBeUndefined();
    expect(parsed.inlineCertificates?.map((c) => c.thumbprint)).toEqual([cert.thumbprint]);
  });

  it('names the path of each missing or bad option', () => {
    expect(problem({ entityId: 'urn:rp' })).toMatch(/^connections\[4\]\.options\.adfs_server: is required/);
    expect(problem({ adfs_server: 'http://adfs.fabrikam.com', entityId: 'urn:rp' })).toMatch(/options\.adfs_server: must be an https URL/);
    expect(problem({ adfs_server: 'https://adfs.fabrikam.com', thumbprints: ['nope'], entityId: 'urn:rp' })).toMatch(/options\.thumbprints\[0\]: must be a SHA-1/);
    expect(problem({ adfs_server: 'https://adfs.fabrikam.com', prev_thumbprints: 'abc', entityId: 'urn:rp' })).toMatch(/options\.prev_thumbprints: must be a SHA-1/);
    expect(problem({ adfs_server: 'https://adfs.fabrikam.com' })).toMatch(/options\.entityId: is required/);
    expect(problem({ adfs_server: 'https://adfs.fabrikam.com', entityId: 'urn:rp', token_type: 'jwt' })).toMatch(/options\.token_type/);
    expect(problem({ adfs_server: 'https://adfs.fabrikam.com', entityId: 'urn:rp', fedMetadataXml: '<x/>' })).toMatch(/options\.fedMetadataXml: holds no signing certificate/);
  });
});
