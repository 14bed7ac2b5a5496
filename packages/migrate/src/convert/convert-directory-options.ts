import { stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

/**
 * Converts an Auth0 `ad` connection. Auth0 reached Active Directory through its AD/LDAP Connector
 * agent, so the export holds no LDAP address: oauth-ro binds to LDAP itself, and the URL, bind
 * account and password become `env:` references. The search base is derived from `tenant_domain`
 * when there is one (`corp.example.com` → `DC=corp,DC=example,DC=com`).
 *
 * @example
 * convertAdOptions({ tenant_domain: 'corp.example.com' }, 'corp', 'connections[3]', context);
 * // { ldap_url: 'env:CORP_LDAP_URL', ldap_base: 'DC=corp,DC=example,DC=com', ldap_bind_user: 'env:CORP_LDAP_BIND_USER', … }
 */
export function convertAdOptions(options: Auth0Record, name: string, where: string, context: MigrationContext): Auth0Record {
  const at = `${where}.options`;
  const domain = stringOf(options.tenant_domain);
  const out: Auth0Record = {
    ldap_url: context.envReference(name, 'ldap_url', `${at}.ldap_url`, 'ldaps://your-domain-controller: Auth0 used its AD/LDAP Connector, oauth-ro binds to LDAP directly'),
    ldap_base: domain
      ? domain.split('.').map((part) => `DC=${part}`).join(',')
      : context.envReference(name, 'ldap_base', `${at}.ldap_base`, 'the search base, e.g. DC=corp,DC=example,DC=com'),
    ldap_bind_user: context.envReference(name, 'ldap_bind_user', `${at}.ldap_bind_user`, 'the DN of a service account that may search for users'),
    ldap_bind_password: context.envReference(name, 'ldap_bind_password', `${at}.ldap_bind_password`, 'the service account password'),
  };
  if (typeof options.brute_force_protection === 'boolean') out.brute_force_protection = options.brute_force_protection;
  if (options.certAuth === true) context.warnings.push(`${at}.certAuth: certificate authentication is not supported; ignored`);
  if (options.kerberos === true) context.warnings.push(`${at}.kerberos: Kerberos is not supported; ignored`);
  return out;
}

/**
 * Converts an Auth0 `waad` (Azure AD / Entra ID) connection: tenant domain, application id, and the
 * application secret as an `env:` reference.
 *
 * @example
 * convertWaadOptions({ tenant_domain: 'contoso.onmicrosoft.com', client_id: 'app-id', client_secret: 'x' }, 'contoso', 'connections[4]', context);
 * // { tenant_domain: 'contoso.onmicrosoft.com', client_id: 'app-id', client_secret: 'env:CONTOSO_AAD_CLIENT_SECRET' }
 */
export function convertWaadOptions(options: Auth0Record, name: string, where: string, context: MigrationContext): Auth0Record {
  const at = `${where}.options`;
  const tenant = stringOf(options.tenant_domain) ?? stringOf(options.domain);
  if (options.useCommonEndpoint === true) {
    context.warnings.push(`${at}.useCommonEndpoint: the common endpoint cannot do password logins; the connection uses its tenant_domain`);
  }
  return {
    tenant_domain: tenant ?? context.envReference(name, 'aad_tenant_domain', `${at}.tenant_domain`, 'the Entra ID tenant, e.g. contoso.onmicrosoft.com'),
    client_id: stringOf(options.client_id) ?? context.envReference(name, 'aad_client_id', `${at}.client_id`, 'the application id registered in Entra ID'),
    client_secret: context.envReference(name, 'aad_client_secret', `${at}.client_secret`, 'the application secret from Entra ID'),
  };
}

/**
 * Converts an Auth0 `adfs` connection: the server (or metadata URL), pinned thumbprints or inline
 * metadata, and the relying-party identifier ADFS knows the connection by, which Auth0 wrote
 * `urn:auth0:{tenant}:{connection}`; oauth-ro keeps that identifier so ADFS needs no change.
 *
 * @example
 * convertAdfsOptions({ adfs_server: 'https://adfs.fabrikam.com', thumbprints: ['ab…'] }, 'fabrikam', 'connections[5]', 'acme', context);
 * // { adfs_server: 'https://adfs.fabrikam.com', thumbprints: ['ab…'], entityId: 'urn:auth0:acme:fabrikam' }
 */
export function convertAdfsOptions(
  options: Auth0Record,
  name: string,
  where: string,
  tenant: string | undefined,
  context: MigrationContext,
): Auth0Record {
  const at = `${where}.options`;
  const out: Auth0Record = {
    adfs_server: stringOf(options.adfs_server) ?? context.envReference(name, 'adfs_server', `${at}.adfs_server`, 'https://your-adfs-server'),
  };
  for (const key of ['thumbprints', 'prev_thumbprints']) {
    if (Array.isArray(options[key]) && (options[key] as unknown[]).length > 0) out[key] = options[key];
  }
  if (stringOf(options.fedMetadataXml)) out.fedMetadataXml = options.fedMetadataXml;
  out.entityId =
    stringOf(options.entityId) ??
    (tenant
      ? `urn:auth0:${tenant}:${name}`
      : context.envReference(name, 'adfs_entity_id', `${at}.entityId`, `the relying-party identifier in ADFS, urn:auth0:<your Auth0 tenant>:${name}`));
  return out;
}
