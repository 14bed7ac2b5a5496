import { optionReader, type ConnectionConfig } from '@oauth-ro/core/ports';

/**
 * Microsoft's global authority; sovereign clouds and tests set `authority`.
 *
 * @example `${DEFAULT_AUTHORITY}/contoso.onmicrosoft.com/oauth2/v2.0/token`;
 */
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

/** The options of one `waad` connection after validation (docs/spec.md §2 names). The secret is never logged. */
export interface WaadOptions {
  readonly tenantDomain: string;
  readonly clientId: string;
  /** Absent for public clients ("Allow public client flows" in Entra ID). */
  readonly clientSecret?: string;
  /** Without a trailing slash. */
  readonly authority: string;
  /** `{authority}/{tenant_domain}/oauth2/v2.0/token`. */
  readonly tokenEndpoint: string;
  /** `{authority}/{tenant_domain}/v2.0/.well-known/openid-configuration`. */
  readonly discoveryUrl: string;
}

/** A tenant is a domain name (`contoso.onmicrosoft.com`), a GUID, or `organizations`. */
const TENANT = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?$/;

/**
 * True for URLs a directory may call: https anywhere, plain http only on the loopback interface
 * (local fakes and test setups), never with credentials, a query or a fragment.
 *
 * @example isSafeServiceUrl(new URL('http://127.0.0.1:8080')); // true
 */
export function isSafeServiceUrl(url: URL): boolean {
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Validates `connection.options` of a `waad` connection, once per connection.
 * Throws `ConfigurationError` naming `{path}.options.<key>`.
 *
 * @example
 * parseWaadOptions(connection, 'connections[3]').tokenEndpoint;
 * // 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token'
 */
export function parseWaadOptions(connection: ConnectionConfig, path: string): WaadOptions {
  const read = optionReader(connection.options, `${path}.options`, { trim: true });
  const tenantDomain = read.string('tenant_domain') ?? read.fail('tenant_domain', 'is required (e.g. "contoso.onmicrosoft.com")');
  if (!TENANT.test(tenantDomain) || tenantDomain.toLowerCase() === 'common' || tenantDomain.toLowerCase() === 'consumers') {
    read.fail('tenant_domain', 'must be a tenant domain name, a tenant id or "organizations"');
  }
  const clientId = read.string('client_id') ?? read.fail('client_id', 'is required (the application id registered in Entra ID)');
  const clientSecret = read.string('client_secret');
  const rawAuthority = read.string('authority') ?? DEFAULT_AUTHORITY;
  let authorityUrl: URL;
  try {
    authorityUrl = new URL(rawAuthority);
  } catch {
    return read.fail('authority', 'must be a URL such as https://login.microsoftonline.com');
  }
  if (!isSafeServiceUrl(authorityUrl)) {
    read.fail('authority', 'must be an https URL without query or credentials (http only on 127.0.0.1)');
  }
  const authority = authorityUrl.href.replace(/\/+$/, '');
  const tenantBase = `${authority}/${encodeURIComponent(tenantDomain)}`;
  return {
    tenantDomain,
    clientId,
    ...(clientSecret === undefined ? {} : { clientSecret }),
    authority,
    tokenEndpoint: `${tenantBase}/oauth2/v2.0/token`,
    discoveryUrl: `${tenantBase}/v2.0/.well-known/openid-configuration`,
  };
}
