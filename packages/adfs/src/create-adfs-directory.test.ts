import type { ConnectionConfig, DirectoryLogin } from '@oauth-ro/core/ports';
import { closedPort, startFakeAdfs, type FakeAdfs, type FakeAdfsFaults } from '@oauth-ro/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdfsDirectory } from './create-adfs-directory.js';

const REALM = 'urn:auth0:example:fabrikam';
const PASSWORD = `P@ss<w>rd&"'\r\n]]>`;
let adfs: FakeAdfs;
let pinned: ConnectionConfig;
let viaMetadata: ConnectionConfig;

beforeAll(async () => {
  adfs = await startFakeAdfs({
    relyingParties: [REALM],
    users: [
      {
        username: 'FABRIKAM\\jdoe',
        password: PASSWORD,
        upn: 'jdoe@fabrikam.test',
        email: 'john.doe@fabrikam.test',
        name: 'John Doe',
        given_name: 'John',
        family_name: 'Doe',
        groups: ['Domain Users', 'Sales'],
      },
    ],
  });
  pinned = { name: 'fabrikam', strategy: 'adfs', enabled_clients: [], options: { adfs_server: adfs.url, thumbprints: [adfs.signing().thumbprint.toUpperCase()], entityId: REALM } };
  viaMetadata = { name: 'fabrikam-md', strategy: 'adfs', enabled_clients: [], options: { adfs_server: adfs.url, entityId: REALM, token_type: 'saml2' } };
});
afterAll(() => adfs.close());
afterEach(() => adfs.reset());

const login = (connection: ConnectionConfig, username = 'FABRIKAM\\jdoe', password = PASSWORD): DirectoryLogin => ({ connection, username, password, ip: '127.0.0.1' });
const JOHN = {
  id: 'jdoe@fabrikam.test',
  email: 'john.doe@fabrikam.test',
  username: 'jdoe@fabrikam.test',
  profile: { name: 'John Doe', given_name: 'John', family_name: 'Doe', upn: 'jdoe@fabrikam.test', groups: ['Domain Users', 'Sales'], issuer: 'http://adfs.fabrikam.test/adfs/services/trust' },
};

describe('createAdfsDirectory against a fake ADFS', () => {
  const directory = createAdfsDirectory();

  it.each(['saml11', 'saml2'] as const)('accepts a signed %s assertion and maps its claims', async (version) => {
    const connection = { ...pinned, options: { ...pinned.options, token_type: version } };
    expect(await directory.authenticate(login(connection))).toEqual({ ok: true, value: JOHN });
    const sent = adfs.lastRequest()!;
    expect(sent).toMatchObject({ username: 'FABRIKAM\\jdoe', password: PASSWORD, realm: REALM, contentType: 'application/soap+xml; charset=utf-8' });
    expect(sent.tokenType).toBe(version === 'saml2' ? 'urn:oasis:names:tc:SAML:2.0:assertion' : 'urn:oasis:names:tc:SAML:1.0:assertion');
  });

  it('reads the signed text of a value split by a comment (no truncation at the comment)', async () => {
    adfs.setFaults({ commentInValue: true });
    const result = await directory.authenticate(login(pinned));
    expect(result.ok && result.value.id).toBe('jdoe@fabrikam.test');
  });

  it('answers invalid_user_password for the ID3242 fault ADFS sends on bad credentials', async () => {
    expect(await directory.authenticate(login(pinned, 'FABRIKAM\\jdoe', 'wrong'))).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
    expect(await directory.authenticate(login(pinned, 'nobody', 'x'))).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
  });

  it('does not send values XML cannot carry', async () => {
    const before = adfs.requests.rst;
    expect(await directory.authenticate(login(pinned, 'FABRIKAM\\jdoe', 'nul\u0000'))).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
    expect(adfs.requests.rst).toBe(before);
  });

  it('answers 503 naming the connection for other faults (unknown relying party)', async () => {
    const other = { ...pinned, options: { ...pinned.options, entityId: 'urn:unknown' } };
    expect(await directory.authenticate(login(other))).toEqual({
      ok: false,
      error: { code: 'temporarily_unavailable', description: 'the ADFS server of connection fabrikam refused the request (MSIS7007)' },
    });
  });

  it.each<[string, FakeAdfsFaults, string]>([
    ['a tampered assertion', { tamper: true }, 'the signature does not verify'],
    ['an unsigned assertion', { unsigned: true }, 'the assertion is not signed'],
    ['a second, unsigned assertion beside the signed one', { wrap: 'sibling' }, 'RequestedSecurityToken holds 2 elements, not one'],
    ['an evil assertion carrying the signature of one it wraps', { wrap: 'nested' }, 'the signature does not cover exactly this assertion'],
    ['an evil assertion reusing the wrapped one’s ID', { wrap: 'duplicate-id' }, 'the signature does not verify'],
    ['an expired assertion', { expired: true }, 'the assertion has expired'],
    ['an assertion not valid yet', { notYetValid: true }, 'the assertion is not yet valid'],
    ['an assertion for another audience', { audience: 'urn:someone-else' }, 'the assertion is for another audience'],
    ['a signature by an unknown key', { unknownSigner: true }, 'the signing certificate is not in thumbprints'],
    ['a signature by another key naming the trusted certificate', { forgedKeyInfo: true }, 'the signature does not verify'],
    ['a response with a DTD', { doctype: true }, 'the response declares a DTD'],
    ['an encrypted assertion', { encrypted: true }, 'the assertion is encrypted; turn off token encryption on the relying party trust'],
  ])('rejects %s', async (_case, faults, reason) => {
    adfs.setFaults(faults);
    expect(await directory.authenticate(login(pinned))).toEqual({
      ok: false,
      error: { code: 'unauthorized', description: `the ADFS response for connection fabrikam was rejected: ${reason}` },
    });
  });

  it.each([
    ['saml11', 'nested', 'the signature does not cover exactly this assertion'],
    ['saml11', 'duplicate-id', 'the signature does not verify'],
    ['saml2', 'nested', 'the signature does not cover exactly this assertion'],
    ['saml2', 'duplicate-id', 'the signature does not verify'],
  ] as const)('rejects a %s assertion wrapped the %s way', async (version, wrap, reason) => {
    adfs.setFaults({ wrap, forceVersion: version });
    expect(await directory.authenticate(login(pinned))).toEqual({
      ok: false,
      error: { code: 'unauthorized', description: `the ADFS response for connection fabrikam was rejected: ${reason}` },
    });
  });
});

describe('federation metadata', () => {
  it('trusts the signing certificate from the metadata when no thumbprints are configured', async () => {
    const directory = createAdfsDirectory();
    expect(await directory.authenticate(login(viaMetadata))).toEqual({ ok: true, value: { ...JOHN } });
    adfs.setFaults({ unknownSigner: true });
    expect(await directory.authenticate(login(viaMetadata))).toEqual({
      ok: false,
      error: { code: 'unauthorized', description: 'the ADFS response for connection fabrikam-md was rejected: the signing certificate is not in the federation metadata' },
    });
  });

  it('refetches metadata when ADFS rolls its signing certificate, at most once per cooldown', async () => {
    const directory = createAdfsDirectory({ metadataCooldownMs: 0 });
    expect((await directory.authenticate(login(viaMetadata))).ok).toBe(true);
    const before = adfs.requests.metadata;
    await adfs.rotateSigningCertificate();
    expect((await directory.authenticate(login(viaMetadata))).ok).toBe(true);
    expect(adfs.requests.metadata - before).toBe(1);

    const cooling = createAdfsDirectory({ metadataCooldownMs: 60_000 });
    expect((await cooling.authenticate(login(viaMetadata))).ok).toBe(true);
    const start = adfs.requests.metadata;
    adfs.setFaults({ unknownSigner: true });
    for (let i = 0; i < 3; i += 1) expect((await cooling.authenticate(login(viaMetadata))).ok).toBe(false);
    expect(adfs.requests.metadata).toBe(start);
  });
});

describe('inline fedMetadataXml', () => {
  it('trusts only the signing certificates of the metadata given in the configuration', async () => {
    const xml = await (await fetch(adfs.metadataUrl)).text();
    const inline = { ...viaMetadata, options: { adfs_server: adfs.url, entityId: REALM, fedMetadataXml: xml } };
    const directory = createAdfsDirectory();
    const before = adfs.requests.metadata;
    expect((await directory.authenticate(login(inline))).ok).toBe(true);
    adfs.setFaults({ unknownSigner: true });
    expect(await directory.authenticate(login(inline))).toEqual({
      ok: false,
      error: { code: 'unauthorized', description: 'the ADFS response for connection fabrikam-md was rejected: the signing certificate is not in fedMetadataXml' },
    });
    expect(adfs.requests.metadata).toBe(before);
  });
});

describe('reachability', () => {
  it('answers 503 naming the connection when nothing listens', async () => {
    const port = await closedPort();
    const down = { ...pinned, options: { ...pinned.options, adfs_server: `http://127.0.0.1:${port}` } };
    expect(await createAdfsDirectory().authenticate(login(down))).toEqual({
      ok: false,
      error: { code: 'temporarily_unavailable', description: 'the ADFS server of connection fabrikam is unreachable' },
    });
  });

  it('answers 503 for an HTML error page instead of SOAP', async () => {
    adfs.setFaults({ status: 503 });
    expect(await createAdfsDirectory().authenticate(login(pinned))).toEqual({
      ok: false,
      error: { code: 'temporarily_unavailable', description: 'the ADFS server of connection fabrikam is unreachable' },
    });
  });

  it('gives up after timeoutMs', async () => {
    adfs.setFaults({ delayMs: 2_000 });
    const started = Date.now();
    const result = await createAdfsDirectory({ timeoutMs: 200 }).authenticate(login(pinned));
    expect(result.ok || result.error.code).toBe('temporarily_unavailable');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('answers 503 when the federation metadata cannot be fetched', async () => {
    // The WS-Trust endpoint answers; the metadata URL does not (404).
    const metadataMissing = { ...viaMetadata, options: { ...viaMetadata.options, adfs_server: `${adfs.url}/nowhere/metadata.xml` } };
    expect(await createAdfsDirectory().authenticate(login(metadataMissing))).toEqual({
      ok: false,
      error: { code: 'temporarily_unavailable', description: 'the ADFS server of connection fabrikam-md is unreachable' },
    });
  });
});
