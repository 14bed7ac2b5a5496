import { ConfigurationError } from '../errors/oauth-error.js';
import type { ClientGrantConfig, OAuthRoConfig, ResourceServerConfig, TenantConfig } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ConfigurationError(path, 'must be a non-empty string');
  return value;
}

function flag(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new ConfigurationError(path, 'must be true or false');
  return value;
}

function normalizeResourceServer(raw: unknown, path: string): ResourceServerConfig {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  const identifier = text(raw.identifier, `${path}.identifier`);
  if (/\s/.test(identifier)) throw new ConfigurationError(`${path}.identifier`, 'must not contain white space');
  const alg = raw.signing_alg ?? 'RS256';
  if (alg !== 'RS256') {
    throw new ConfigurationError(`${path}.signing_alg`, `must be RS256 (an ${JSON.stringify(alg)} API's tokens could not be verified from JWKS)`);
  }
  const rawScopes = raw.scopes ?? [];
  if (!Array.isArray(rawScopes)) throw new ConfigurationError(`${path}.scopes`, 'must be an array of { value, description }');
  const scopes = rawScopes.map((s, i) => {
    const at = `${path}.scopes[${i}]`;
    if (!isRecord(s)) throw new ConfigurationError(at, 'must be an object with a value');
    const value = text(s.value, `${at}.value`);
    if (/\s/.test(value)) throw new ConfigurationError(`${at}.value`, 'must not contain white space');
    return { value, ...(typeof s.description === 'string' ? { description: s.description } : {}) };
  });
  const lifetime = raw.token_lifetime ?? 86400;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime <= 0 || lifetime > 2_592_000) {
    throw new ConfigurationError(`${path}.token_lifetime`, 'must be an integer of seconds between 1 and 2592000');
  }
  return {
    identifier,
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
    scopes,
    signing_alg: 'RS256',
    token_lifetime: lifetime,
    allow_offline_access: flag(raw.allow_offline_access, `${path}.allow_offline_access`),
    skip_consent_for_verifiable_first_party_clients: flag(
      raw.skip_consent_for_verifiable_first_party_clients,
      `${path}.skip_consent_for_verifiable_first_party_clients`,
    ),
  };
}

function normalizeClientGrant(
  raw: unknown,
  path: string,
  clientIds: ReadonlySet<string>,
  apis: ReadonlyMap<string, ResourceServerConfig>,
): ClientGrantConfig {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  const client_id = text(raw.client_id, `${path}.client_id`);
  if (!clientIds.has(client_id)) throw new ConfigurationError(`${path}.client_id`, `names unknown client "${client_id}"`);
  const audience = text(raw.audience, `${path}.audience`);
  const api = apis.get(audience);
  if (!api) throw new ConfigurationError(`${path}.audience`, `names unknown resource server "${audience}"`);
  const rawScope = raw.scope ?? [];
  if (!Array.isArray(rawScope)) throw new ConfigurationError(`${path}.scope`, 'must be an array of scope values');
  const scope = rawScope.map((s, i) => {
    const value = text(s, `${path}.scope[${i}]`);
    if (!api.scopes.some((d) => d.value === value)) {
      throw new ConfigurationError(`${path}.scope[${i}]`, `is not a scope of "${audience}"`);
    }
    return value;
  });
  return { client_id, audience, scope: [...new Set(scope)] };
}

/**
 * Validates the top-level `tenant`, `resource_servers` and `client_grants` (Auth0 Management API
 * shapes) against the already validated clients and connections. An API must sign RS256; a
 * `default_directory` must name a connection; a client grant must name a known client, API and
 * scopes of that API. Unknown fields of an Auth0 export are ignored. Throws
 * {@link ConfigurationError} naming the path.
 *
 * @example
 * normalizeApis({ resource_servers: [{ identifier: 'https://api.example.com/', scopes: [{ value: 'read:notes' }] }] },
 *   { clients: [], connections: [] });
 */
export function normalizeApis(
  raw: Readonly<Record<string, unknown>>,
  known: Pick<OAuthRoConfig, 'clients' | 'connections'>,
): Pick<OAuthRoConfig, 'tenant' | 'resource_servers' | 'client_grants'> {
  const out: { tenant?: TenantConfig; resource_servers?: ResourceServerConfig[]; client_grants?: ClientGrantConfig[] } = {};
  if (raw.tenant !== undefined && raw.tenant !== null) {
    if (!isRecord(raw.tenant)) throw new ConfigurationError('tenant', 'must be an object');
    const dir = raw.tenant.default_directory;
    if (dir !== undefined && dir !== null && dir !== '') {
      const name = text(dir, 'tenant.default_directory');
      if (!known.connections.some((c) => c.name === name)) {
        throw new ConfigurationError('tenant.default_directory', `names unknown connection "${name}"`);
      }
      out.tenant = { default_directory: name };
    } else {
      out.tenant = {};
    }
  }
  const apis = new Map<string, ResourceServerConfig>();
  if (raw.resource_servers !== undefined && raw.resource_servers !== null) {
    if (!Array.isArray(raw.resource_servers)) throw new ConfigurationError('resource_servers', 'must be an array');
    out.resource_servers = raw.resource_servers.map((r, i) => {
      const api = normalizeResourceServer(r, `resource_servers[${i}]`);
      if (apis.has(api.identifier)) throw new ConfigurationError(`resource_servers[${i}].identifier`, `duplicates "${api.identifier}"`);
      apis.set(api.identifier, api);
      return api;
    });
  }
  if (raw.client_grants !== undefined && raw.client_grants !== null) {
    if (!Array.isArray(raw.client_grants)) throw new ConfigurationError('client_grants', 'must be an array');
    const ids = new Set(known.clients.map((c) => c.client_id));
    const seen = new Set<string>();
    out.client_grants = raw.client_grants.map((g, i) => {
      const grant = normalizeClientGrant(g, `client_grants[${i}]`, ids, apis);
      const key = `${grant.client_id} ${grant.audience}`;
      if (seen.has(key)) throw new ConfigurationError(`client_grants[${i}]`, `duplicates the grant of "${grant.client_id}" to "${grant.audience}"`);
      seen.add(key);
      return grant;
    });
  }
  return out;
}
