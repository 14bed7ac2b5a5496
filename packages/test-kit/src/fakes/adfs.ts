import { randomBytes } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { buildAssertion, signAssertion } from './adfs-assertion.js';
import { federationMetadata, rstrEnvelope, soapFault } from './adfs-messages.js';
import { listenLocal, type FakeReply } from '@oauth-ro/conformance';
import { makeSigningCertificate, type SigningCertificate } from './signing-certificate.js';

export * from './adfs-assertion.js';
export * from './adfs-messages.js';
export * from './signing-certificate.js';

/** A user of the fake ADFS (an AD account behind it). */
export interface FakeAdfsUser {
  /** What the user types: UPN or `DOMAIN\sam`. */
  readonly username: string;
  readonly password: string;
  readonly upn: string;
  readonly email?: string;
  readonly name?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly groups?: readonly string[];
}

/** Attacks and failures the fake can stage; {@link FakeAdfs.reset} clears them. */
export interface FakeAdfsFaults {
  /** Answer with this HTTP status and an HTML error page instead of SOAP. */
  readonly status?: 500 | 502 | 503;
  readonly delayMs?: number;
  /** Change the UPN in the assertion after it was signed. */
  readonly tamper?: boolean;
  /** Split the UPN's text with an XML comment after signing (meaning unchanged, digest unchanged). */
  readonly commentInValue?: boolean;
  /** Signature-wrapping variants: an unsigned evil assertion beside the signed one; an evil assertion
   * carrying the moved signature with the signed one tucked into its Advice; the same with the evil
   * assertion reusing the signed one's ID. */
  readonly wrap?: 'sibling' | 'nested' | 'duplicate-id';
  readonly unsigned?: boolean;
  readonly expired?: boolean;
  readonly notYetValid?: boolean;
  readonly audience?: string;
  /** Sign with a certificate the relying party does not trust (it is in KeyInfo). */
  readonly unknownSigner?: boolean;
  /** Sign with an untrusted key but put the trusted certificate in KeyInfo. */
  readonly forgedKeyInfo?: boolean;
  readonly doctype?: boolean;
  readonly encrypted?: boolean;
  /** Issue this version whatever the client asked for. */
  readonly forceVersion?: 'saml11' | 'saml2';
}

/** Options of {@link startFakeAdfs}. */
export interface FakeAdfsOptions {
  readonly users?: readonly FakeAdfsUser[];
  /** Relying party identifiers ADFS knows; others get MSIS7007. Default: any. */
  readonly relyingParties?: readonly string[];
  /** Assertion lifetime in seconds. Default 3600. */
  readonly lifetimeSeconds?: number;
}

/** What the last WS-Trust request carried, as the fake parsed it. */
export interface FakeAdfsRequest {
  readonly raw: string;
  readonly username?: string;
  readonly password?: string;
  readonly realm?: string;
  readonly tokenType?: string;
  readonly contentType?: string;
}

/** A running fake ADFS. */
export interface FakeAdfs {
  /** Pass as `adfs_server`: `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly metadataUrl: string;
  readonly wsTrustUrl: string;
  /** `http://adfs.fabrikam.test/adfs/services/trust`, the assertions' issuer. */
  readonly issuer: string;
  /** The current token-signing certificate. */
  signing(): SigningCertificate;
  /** A certificate nobody trusts. */
  readonly stranger: SigningCertificate;
  readonly requests: { rst: number; metadata: number };
  lastRequest(): FakeAdfsRequest | undefined;
  setFaults(faults: FakeAdfsFaults): void;
  reset(): void;
  /** Rolls the token-signing certificate: a new one signs and is the only one in metadata. */
  rotateSigningCertificate(): Promise<void>;
  close(): Promise<void>;
}

const W = {
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  trust: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsp: 'http://schemas.xmlsoap.org/ws/2004/09/policy',
};
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const soap = (status: number, body: string): FakeReply => ({ status, headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body });
const first = (el: Element | Document | undefined, ns: string, name: string) =>
  (el?.getElementsByTagNameNS(ns, name)[0] as Element | undefined)?.textContent ?? undefined;

function parseRst(raw: string, contentType: string | undefined): FakeAdfsRequest {
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(raw, 'text/xml');
  const appliesTo = doc.getElementsByTagNameNS(W.wsp, 'AppliesTo')[0];
  const out: Record<string, string | undefined> = {
    raw,
    contentType,
    username: first(doc as unknown as Document, W.wsse, 'Username'),
    password: first(doc as unknown as Document, W.wsse, 'Password'),
    realm: first(appliesTo, W.wsa, 'Address'),
    tokenType: first(doc as unknown as Document, W.trust, 'TokenType'),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as FakeAdfsRequest;
}

/**
 * Starts a fake ADFS on 127.0.0.1: the WS-Trust 1.3 `usernamemixed` endpoint (SOAP 1.2) answering
 * RSTRs with SAML 1.1 or 2.0 assertions signed by a test token-signing certificate, SOAP faults as
 * ADFS sends them (ID3242 for bad credentials, MSIS7007 for an unknown relying party), and signed
 * federation metadata.
 *
 * @example
 * const adfs = await startFakeAdfs({ users: [{ username: 'jdoe@fabrikam.test', password: 'pw', upn: 'jdoe@fabrikam.test' }] });
 * const options = { adfs_server: adfs.url, thumbprints: [adfs.signing().thumbprint], entityId: 'urn:auth0:example:fabrikam' };
 */
export async function startFakeAdfs(options: FakeAdfsOptions = {}): Promise<FakeAdfs> {
  const [initial, stranger, encryption] = await Promise.all([
    makeSigningCertificate('ADFS Signing - adfs.fabrikam.test'),
    makeSigningCertificate('Somebody Else'),
    makeSigningCertificate('ADFS Encryption - adfs.fabrikam.test'),
  ]);
  let signing = initial;
  let faults: FakeAdfsFaults = {};
  let last: FakeAdfsRequest | undefined;
  const requests = { rst: 0, metadata: 0 };
  const issuer = 'http://adfs.fabrikam.test/adfs/services/trust';
  let base = '';

  function issue(user: FakeAdfsUser, realm: string, tokenType: string | undefined): string {
    const version = faults.forceVersion ?? (tokenType === 'urn:oasis:names:tc:SAML:2.0:assertion' ? 'saml2' : 'saml11');
    const now = Date.now();
    const notBefore = new Date(faults.expired ? now - 7_200_000 : faults.notYetValid ? now + 3_600_000 : now);
    const notOnOrAfter = new Date(faults.expired ? now - 3_600_000 : notBefore.getTime() + (options.lifetimeSeconds ?? 3600) * 1000);
    const claims: Array<readonly [string, readonly string[]]> = [[`${CLAIMS}/upn`, [user.upn]]];
    if (user.email) claims.push([`${CLAIMS}/emailaddress`, [user.email]]);
    if (user.name) claims.push([`${CLAIMS}/name`, [user.name]]);
    if (user.given_name) claims.push([`${CLAIMS}/givenname`, [user.given_name]]);
    if (user.family_name) claims.push([`${CLAIMS}/surname`, [user.family_name]]);
    if (user.groups?.length) claims.push(['http://schemas.xmlsoap.org/claims/Group', user.groups]);
    const content = { version, issuer, audience: faults.audience ?? realm, notBefore, notOnOrAfter, claims } as const;
    const { xml, id } = buildAssertion(content);
    const signer = faults.unknownSigner ? stranger : faults.forgedKeyInfo ? { ...stranger, cert: signing.cert } : signing;
    let token = faults.unsigned ? xml : signAssertion(xml, version, signer);
    if (faults.tamper) token = token.replace(`>${user.upn}<`, '>admin@fabrikam.test<');
    if (faults.commentInValue) token = token.replace(`>${user.upn}<`, `>${user.upn.replace('@', '@<!---->')}<`);
    if (faults.wrap) token = wrap(token, faults.wrap, { ...content, claims: [[`${CLAIMS}/upn`, ['admin@fabrikam.test']]] }, id);
    if (faults.encrypted) {
      token = '<EncryptedAssertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></EncryptedAssertion>';
    }
    const tokenTypeUri = version === 'saml2' ? 'urn:oasis:names:tc:SAML:2.0:assertion' : 'urn:oasis:names:tc:SAML:1.0:assertion';
    const envelope = rstrEnvelope(token, { id, realm, tokenType: tokenTypeUri, created: new Date(now), expires: notOnOrAfter });
    return faults.doctype ? `<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ENTITY x "admin@fabrikam.test">]>${envelope}` : envelope;
  }

  function wrap(signed: string, how: 'sibling' | 'nested' | 'duplicate-id', evilContent: Parameters<typeof buildAssertion>[0], id: string): string {
    const saml2 = evilContent.version === 'saml2';
    const evilId = how === 'duplicate-id' ? id : `_${randomBytes(16).toString('hex')}`;
    const evil = buildAssertion({ ...evilContent, id: evilId }).xml;
    if (how === 'sibling') return evil + signed;
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] ?? '';
    const original = signed.replace(signature, '');
    const advice = saml2 ? `<Advice>${original}</Advice>` : `<saml:Advice>${original}</saml:Advice>`;
    let out = evil.replace(saml2 ? '<AttributeStatement>' : '<saml:AttributeStatement>', `${advice}$&`);
    out = saml2 ? out.replace('</Issuer>', `</Issuer>${signature}`) : out.replace(/<\/saml:Assertion>$/, `${signature}</saml:Assertion>`);
    return out;
  }

  const server = await listenLocal(async (req, body) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
    if (faults.status) return { status: faults.status, headers: { 'content-type': 'text/html' }, body: '<html><body>Service Unavailable</body></html>' };
    if (path === '/FederationMetadata/2007-06/FederationMetadata.xml' && req.method === 'GET') {
      requests.metadata += 1;
      const xml = federationMetadata({ entityId: issuer, base, signing: [signing], encryption, signer: signing });
      return { status: 200, headers: { 'content-type': 'application/samlmetadata+xml' }, body: xml };
    }
    if (path === '/adfs/services/trust/13/usernamemixed' && req.method === 'POST') {
      requests.rst += 1;
      last = parseRst(body, req.headers['content-type']);
      if (!last.realm || last.username === undefined || last.password === undefined) {
        return soap(500, soapFault('InvalidRequest', 'ID3082: The request scope is not valid or is unsupported.'));
      }
      if (options.relyingParties && !options.relyingParties.includes(last.realm)) {
        return soap(500, soapFault('InvalidRequest', `MSIS7007: The requested relying party trust '${last.realm}' is unspecified or unsupported. If a relying party trust was specified, it is possible that you do not have permission to access the trust relying party. Contact your administrator for details.`));
      }
      const who = last.username.toLowerCase();
      const user = (options.users ?? []).find((u) => u.username.toLowerCase() === who || u.upn.toLowerCase() === who);
      if (!user || user.password !== last.password) {
        return soap(500, soapFault('FailedAuthentication', 'ID3242: The security token could not be authenticated or authorized.'));
      }
      return soap(200, issue(user, last.realm, last.tokenType));
    }
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body>Not Found</body></html>' };
  });
  base = server.url;

  return {
    url: server.url,
    metadataUrl: `${server.url}/FederationMetadata/2007-06/FederationMetadata.xml`,
    wsTrustUrl: `${server.url}/adfs/services/trust/13/usernamemixed`,
    issuer,
    signing: () => signing,
    stranger,
    requests,
    lastRequest: () => last,
    setFaults(next) {
      faults = { ...next };
    },
    reset() {
      faults = {};
    },
    async rotateSigningCertificate() {
      signing = await makeSigningCertificate(`ADFS Signing - adfs.fabrikam.test - ${Date.now()}`);
    },
    close: () => server.close(),
  };
}
