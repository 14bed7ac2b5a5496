import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

const API_FIELDS = ['token_lifetime', 'allow_offline_access', 'skip_consent_for_verifiable_first_party_clients'] as const;

function listOf(source: Auth0Record, ...keys: string[]): unknown[] {
  for (const key of keys) if (Array.isArray(source[key])) return source[key] as unknown[];
  return [];
}

function convertApi(raw: unknown, where: string, context: MigrationContext): Auth0Record | undefined {
  if (!isRecord(raw)) {
    context.warnings.push(`${where}: not an object; skipped`);
    return undefined;
  }
  const identifier = stringOf(raw.identifier);
  if (!identifier) {
    context.warnings.push(`${where}: no identifier; skipped`);
    return undefined;
  }
  // Auth0's own Management API is not an API oauth-ro can issue tokens for.
  if (raw.is_system === true || /\/api\/v2\/?$/.test(identifier)) return undefined;
  const alg = stringOf(raw.signing_alg) ?? 'RS256';
  if (alg !== 'RS256') {
    context.warnings.push(
      `${where}: the API "${identifier}" signs ${alg}; oauth-ro issues API tokens with RS256 only (verifiable from JWKS), so it was not carried over: switch it to RS256 in Auth0 and its callers' verification, then add it`,
    );
    return undefined;
  }
  const api: Auth0Record = { identifier, ...(stringOf(raw.name) ? { name: raw.name } : {}), signing_alg: 'RS256' };
  const scopes = Array.isArray(raw.scopes) ? raw.scopes.filter((s) => isRecord(s) && stringOf(s.value)) : [];
  api.scopes = scopes.map((s) => ({ value: (s as Auth0Record).value, ...(stringOf((s as Auth0Record).description) ? { description: (s as Auth0Record).description } : {}) }));
  for (const key of API_FIELDS) if (raw[key] !== undefined && raw[key] !== null) api[key] = raw[key];
  return api;
}

/**
 * Carries an export's APIs (`resource_servers` / deploy-cli `resourceServers`, RS256 only: an HS256
 * API is reported and left out), client grants (`client_grants` / `clientGrants`, with client ids
 * or deploy-cli client names) and the tenant's `default_directory` over to oauth-ro's
 * configuration keys; whatever cannot be carried is a warning.
 *
 * @example
 * convertAuth0Apis({ resource_servers: [{ identifier: 'https://api/', signing_alg: 'RS256' }] }, new Map(), ['db'], context);
 * // { resource_servers: [{ identifier: 'https://api/', signing_alg: 'RS256', scopes: [] }] }
 */
export function convertAuth0Apis(
  source: Auth0Record,
  clientIds: ReadonlyMap<string, string>,
  connectionNames: readonly string[],
  context: MigrationContext,
): Auth0Record {
  const out: Auth0Record = {};
  const apis: Auth0Record[] = [];
  listOf(source, 'resource_servers', 'resourceServers').forEach((raw, i) => {
    const api = convertApi(raw, `resource_servers[${i}]`, context);
    if (api && !apis.some((a) => a.identifier === api.identifier)) apis.push(api);
  });
  if (apis.length > 0) out.resource_servers = apis;

  const grants: Auth0Record[] = [];
  listOf(source, 'client_grants', 'clientGrants').forEach((raw, i) => {
    const where = `client_grants[${i}]`;
    if (!isRecord(raw)) return;
    const audience = stringOf(raw.audience);
    if (!audience || /\/api\/v2\/?$/.test(audience)) return;
    const client_id = clientIds.get(stringOf(raw.client_id) ?? '');
    const api = apis.find((a) => a.identifier === audience);
    if (!client_id || !api) {
      context.warnings.push(`${where}: names ${client_id ? `an API that was not carried over (${audience})` : `a client that was not carried over (${String(raw.client_id)})`}; skipped`);
      return;
    }
    const defined = new Set((api.scopes as Auth0Record[]).map((s) => s.value));
    const scope = (Array.isArray(raw.scope) ? raw.scope : []).filter((s): s is string => typeof s === 'string' && defined.has(s));
    grants.push({ client_id, audience, scope });
  });
  if (grants.length > 0) out.client_grants = grants;

  const settings = [source.tenant, source.tenant_settings].find(isRecord);
  const directory = settings ? stringOf(settings.default_directory) : undefined;
  if (directory && connectionNames.includes(directory)) out.tenant = { default_directory: directory };
  else if (directory) context.warnings.push(`tenant.default_directory: "${directory}" was not carried over as a connection; set tenant.default_directory by hand`);
  return out;
}
