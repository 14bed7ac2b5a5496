import {
  err,
  ok,
  oauthError,
  systemClock,
  type Clock,
  type ConnectionConfig,
  type Directory,
  type DirectoryIdentity,
  type DirectoryLogin,
  type Logger,
  type OAuthError,
  type Result,
} from '@oauth-ro/core/ports';
import { claimsToIdentity } from './map/claims-to-identity.js';
import { mapSoapFault } from './map/map-soap-fault.js';
import { readClaims } from './map/read-claims.js';
import { parseAdfsOptions, type AdfsOptions } from './options/parse-adfs-options.js';
import { buildRst } from './protocol/build-rst.js';
import { isXmlSafe } from './protocol/escape-xml.js';
import { parseXml } from './protocol/parse-xml.js';
import { exchangeXml } from './protocol/post-xml.js';
import { readRstr } from './protocol/read-rstr.js';
import { checkConditions } from './verify/check-conditions.js';
import { chooseSigners, createMetadataCache } from './verify/trusted-signers.js';
import { assertionSignature, presentedCertificates, verifyAssertionSignature } from './verify/verify-assertion-signature.js';

/** Tuning of {@link createAdfsDirectory}; every field has a production default. */
export interface AdfsDirectoryOptions {
  /** Auth0 tenant name, for the default realm `urn:auth0:{tenant}:{connection}` (else `entityId` is required). */
  readonly tenant?: string;
  /** Per HTTP call to ADFS. Default 10 000. */
  readonly timeoutMs?: number;
  /** Allowed clock difference with ADFS for NotBefore / NotOnOrAfter, 0–300. Default 120. */
  readonly clockSkewSeconds?: number;
  /** How long fetched federation metadata is reused. Default 24 h. */
  readonly metadataMaxAgeMs?: number;
  /** Minimum time between metadata refetches caused by an unknown signing certificate. Default 60 000. */
  readonly metadataCooldownMs?: number;
  readonly clock?: Clock;
  /** Receives faults, rejections and outages (never credentials or assertions). */
  readonly logger?: Logger;
}

/** The `adfs` directory, plus eager validation for servers that check configuration at start. */
export interface AdfsDirectory extends Directory {
  /** Validates a connection's options now; throws `ConfigurationError` naming `{path}.options.<key>`. */
  validate(connection: ConnectionConfig, path?: string): void;
}

function bounded(value: number | undefined, fallback: number, min: number, max: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || v > max) throw new RangeError(`createAdfsDirectory: ${name} must be from ${min} to ${max}`);
  return v;
}

/**
 * The `adfs` strategy: a WS-Trust 1.3 `usernamemixed` request to ADFS, whose SAML 1.1 / 2.0
 * assertion is trusted only after its signature (pinned thumbprints or federation metadata),
 * conditions and audience check out.
 *
 * @example
 * const adfs = createAdfsDirectory({ tenant: 'example' });
 * const oauthRo = await createOAuthRo({ config, deps: { ...deps, directories: { adfs } } });
 */
export function createAdfsDirectory(options: AdfsDirectoryOptions = {}): AdfsDirectory {
  const timeoutMs = bounded(options.timeoutMs, 10_000, 1, 120_000, 'timeoutMs');
  const skewSeconds = bounded(options.clockSkewSeconds, 120, 0, 300, 'clockSkewSeconds');
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const metadata = createMetadataCache({
    timeoutMs,
    maxAgeMs: bounded(options.metadataMaxAgeMs, 86_400_000, 0, 7 * 86_400_000, 'metadataMaxAgeMs'),
    cooldownMs: bounded(options.metadataCooldownMs, 60_000, 0, 86_400_000, 'metadataCooldownMs'),
    now: () => clock.now(),
  });
  const parsed = new WeakMap<ConnectionConfig, AdfsOptions>();
  const defaults = options.tenant === undefined ? {} : { tenant: options.tenant };

  function optionsOf(connection: ConnectionConfig, path = `connections[${connection.name}]`): AdfsOptions {
    let found = parsed.get(connection);
    if (!found) {
      found = parseAdfsOptions(connection, path, defaults);
      parsed.set(connection, found);
    }
    return found;
  }

  const unavailable = (connection: string, reason: string): OAuthError => {
    logger?.warn({ strategy: 'adfs', connection, reason }, 'ADFS unavailable');
    return oauthError('temporarily_unavailable', `the ADFS server of connection ${connection} is unreachable`);
  };
  const rejected = (connection: string, reason: string): OAuthError => {
    logger?.warn({ strategy: 'adfs', connection, reason }, 'ADFS response rejected');
    return oauthError('unauthorized', `the ADFS response for connection ${connection} was rejected: ${reason}`);
  };

  async function authenticate(login: DirectoryLogin): Promise<Result<DirectoryIdentity, OAuthError>> {
    const name = login.connection.name;
    const adfs = optionsOf(login.connection);
    // A value XML cannot carry cannot be anyone's password; ADFS is not asked.
    if (!isXmlSafe(login.username) || !isXmlSafe(login.password)) return err(oauthError('invalid_user_password'));
    const body = buildRst({
      endpoint: adfs.wsTrustEndpoint,
      realm: adfs.realm,
      tokenType: adfs.tokenType,
      username: login.username,
      password: login.password,
      now: clock.now(),
    });
    const reply = await exchangeXml(
      adfs.wsTrustEndpoint,
      { method: 'POST', headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body },
      timeoutMs,
    );
    if (reply.kind === 'unreachable') return err(unavailable(name, reply.reason));
    if (reply.status !== 200 && reply.status !== 500) return err(unavailable(name, `HTTP ${reply.status}`));
    const document = parseXml(reply.text);
    if (!document.ok) {
      return err(document.reason === 'dtd' ? rejected(name, 'the response declares a DTD') : unavailable(name, `HTTP ${reply.status}, not XML`));
    }
    const content = readRstr(document.document);
    if (content.kind === 'fault') {
      logger?.info({ strategy: 'adfs', connection: name, subcode: content.fault.subcode, reason: content.fault.reason }, 'ADFS fault');
      return err(mapSoapFault(content.fault, name));
    }
    if (reply.status !== 200) return err(unavailable(name, `HTTP ${reply.status} without a SOAP fault`));
    if (content.kind === 'malformed') return err(rejected(name, content.reason));

    const signature = assertionSignature(content.assertion);
    if (!signature) return err(rejected(name, 'the assertion is not signed'));
    const signers = await chooseSigners(adfs, metadata, presentedCertificates(signature));
    if (!signers.ok) return err(signers.kind === 'unavailable' ? unavailable(name, signers.reason) : rejected(name, signers.reason));
    const verified = verifyAssertionSignature(reply.text, content.assertion, content.version, signers.certificates);
    if (!verified.ok) return err(rejected(name, verified.reason));
    const conditions = checkConditions(verified.assertion, content.version, { audience: adfs.realm, now: clock.now(), skewSeconds });
    if (!conditions.ok) return err(rejected(name, conditions.reason));
    const identity = claimsToIdentity(readClaims(verified.assertion, content.version), adfs.userIdClaim);
    if (!identity) return err(rejected(name, 'the assertion names no user (no upn, name identifier or email)'));
    return ok(identity);
  }

  return {
    authenticate,
    validate(connection, path) {
      optionsOf(connection, path);
    },
    async close() {},
  };
}
