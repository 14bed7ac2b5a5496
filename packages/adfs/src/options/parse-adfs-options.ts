import { optionReader, type ConnectionConfig } from '@oauth-ro/core/ports';
import { TOKEN_TYPES, type TokenTypeName } from '../protocol/namespaces.js';
import type { SigningCertificate } from '../verify/certificate.js';
import { metadataCertificates } from '../verify/metadata-certificates.js';
import { normalizeThumbprint } from './normalize-thumbprint.js';
import { isSafeServiceUrl } from './safe-service-url.js';

/**
 * Where ADFS publishes its federation metadata, relative to the server.
 *
 * @example `https://adfs.fabrikam.com${METADATA_PATH}`;
 */
export const METADATA_PATH = '/FederationMetadata/2007-06/FederationMetadata.xml';
/**
 * The WS-Trust 1.3 endpoint for username + password over TLS.
 *
 * @example `https://adfs.fabrikam.com${USERNAMEMIXED_PATH}`;
 */
export const USERNAMEMIXED_PATH = '/adfs/services/trust/13/usernamemixed';

/** The options of one `adfs` connection after validation (Auth0's option names). */
export interface AdfsOptions {
  /** `{adfs_server}/adfs/services/trust/13/usernamemixed`. */
  readonly wsTrustEndpoint: string;
  /** Federation metadata URL; absent when `fedMetadataXml` is given inline or thumbprints are pinned. */
  readonly metadataUrl?: string;
  /** Signing certificates from an inline `fedMetadataXml`. */
  readonly inlineCertificates?: readonly SigningCertificate[];
  /** `thumbprints` ∪ `prev_thumbprints`, canonical; when non-empty only these certificates are trusted. */
  readonly thumbprints: ReadonlySet<string>;
  /** The AppliesTo realm asked for, and the audience the assertion must carry. */
  readonly realm: string;
  readonly tokenType: TokenTypeName;
  /** A claim type tried first for the user id (Auth0's `user_id_attribute`). */
  readonly userIdClaim?: string;
}

/** Defaults a deployment supplies once for all `adfs` connections. */
export interface AdfsDefaults {
  /** Auth0 tenant name: the realm defaults to `urn:auth0:{tenant}:{connection}` as Auth0's did. */
  readonly tenant?: string;
}

/**
 * Validates `connection.options` of an `adfs` connection, once per connection. `adfs_server` is the
 * ADFS host (`https://adfs.fabrikam.com`) or its metadata URL (ending in `.xml`).
 * Throws `ConfigurationError` naming `{path}.options.<key>`.
 *
 * @example
 * parseAdfsOptions(connection, 'connections[4]', { tenant: 'example' }).realm; // 'urn:auth0:example:fabrikam'
 */
export function parseAdfsOptions(connection: ConnectionConfig, path: string, defaults: AdfsDefaults = {}): AdfsOptions {
  const read = optionReader(connection.options, `${path}.options`, { trim: true });
  const server = read.string('adfs_server') ?? read.fail('adfs_server', 'is required (e.g. "https://adfs.fabrikam.com")');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return read.fail('adfs_server', 'must be a URL such as https://adfs.fabrikam.com');
  }
  if (!isSafeServiceUrl(url) || url.search) read.fail('adfs_server', 'must be an https URL without query or credentials (http only on 127.0.0.1)');
  const isMetadataUrl = url.pathname.toLowerCase().endsWith('.xml');
  const base = isMetadataUrl ? url.origin : url.href.replace(/\/+$/, '');

  const thumbprints = new Set<string>();
  for (const key of ['thumbprints', 'prev_thumbprints']) {
    const listed = Array.isArray(connection.options[key]);
    (read.strings(key) ?? []).forEach((raw, i) => {
      const canonical = normalizeThumbprint(raw);
      if (!canonical) read.fail(listed ? `${key}[${i}]` : key, 'must be a SHA-1 certificate thumbprint (40 hex digits)');
      thumbprints.add(canonical!);
    });
  }
  const inlineXml = read.string('fedMetadataXml');
  let inlineCertificates: SigningCertificate[] | undefined;
  if (inlineXml !== undefined) {
    inlineCertificates = metadataCertificates(inlineXml);
    if (inlineCertificates.length === 0) read.fail('fedMetadataXml', 'holds no signing certificate');
  }

  const realm =
    read.string('entityId') ??
    read.string('realm') ??
    (defaults.tenant ? `urn:auth0:${defaults.tenant}:${connection.name}` : undefined) ??
    read.fail('entityId', 'is required: the relying party identifier ADFS knows this connection by (e.g. "urn:auth0:{tenant}:{connection}")');
  const tokenType = read.string('token_type') ?? 'saml11';
  if (!Object.hasOwn(TOKEN_TYPES, tokenType)) read.fail('token_type', 'must be "saml11" or "saml2"');
  const userIdClaim = read.string('user_id_attribute');

  return {
    wsTrustEndpoint: `${base}${USERNAMEMIXED_PATH}`,
    ...(thumbprints.size === 0 && !inlineCertificates ? { metadataUrl: isMetadataUrl ? url.href : `${base}${METADATA_PATH}` } : {}),
    ...(inlineCertificates ? { inlineCertificates } : {}),
    thumbprints,
    realm,
    tokenType: tokenType as TokenTypeName,
    ...(userIdClaim === undefined ? {} : { userIdClaim }),
  };
}
