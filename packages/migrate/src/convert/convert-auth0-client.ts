import { convertClientUrls } from './convert-client-urls.js';
import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

const ALGS = new Set(['RS256', 'HS256', 'ES256', 'EdDSA']);
const AUTH_METHODS = new Set(['none', 'client_secret_post', 'client_secret_basic']);
const LEGACY_GRANT_PREFIX = 'http://auth0.com/oauth/legacy/grant-type/';
const CONFIDENTIAL_APP_TYPES = new Set(['regular_web', 'non_interactive']);
/** Browser and native apps cannot keep a secret: Auth0 gave them `none`, and so does the converter. */
const PUBLIC_APP_TYPES = new Set(['spa', 'native']);

/** A converted client and what enabled_clients lists in the export may call it by. */
export interface ConvertedClient {
  readonly client: Auth0Record;
  /** The Auth0 client_id and the name: Management API exports list ids, deploy-cli exports names. */
  readonly aliases: readonly string[];
}

function jwtConfiguration(raw: unknown, where: string, context: MigrationContext): Auth0Record | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Auth0Record = {};
  if (typeof raw.alg === 'string') {
    if (ALGS.has(raw.alg)) out.alg = raw.alg;
    else context.warnings.push(`${where}.alg: ${raw.alg} is not supported; RS256 is used instead`);
  }
  const lifetime = raw.lifetime_in_seconds;
  if (typeof lifetime === 'number' && Number.isInteger(lifetime) && lifetime > 0) out.lifetime_in_seconds = lifetime;
  if (typeof raw.secret_encoded === 'boolean') out.secret_encoded = raw.secret_encoded;
  return Object.keys(out).length > 0 ? out : undefined;
}

const REFRESH_TOKEN_FIELDS = [
  'rotation_type',
  'expiration_type',
  'leeway',
  'token_lifetime',
  'infinite_token_lifetime',
  'idle_token_lifetime',
  'infinite_idle_token_lifetime',
];

function refreshToken(raw: unknown): Auth0Record | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Auth0Record = {};
  for (const key of REFRESH_TOKEN_FIELDS) {
    if (raw[key] !== undefined && raw[key] !== null) out[key] = raw[key];
  }
  return out;
}

/**
 * Converts one client of an Auth0 export (Management API `GET /api/v2/clients` or a deploy-cli
 * `clients` entry) to an oauth-ro client. A secret is never copied: it becomes an `env:` reference.
 * A client exported without its `client_id` (deploy-cli without `--export_ids`) gets an `env:`
 * reference too, since existing apps send the id Auth0 gave them. Returns undefined for Auth0's
 * global "All Applications" client.
 *
 * @example
 * convertAuth0Client({ client_id: 'AbC', name: 'Mobile', client_secret: 'x' }, 0, context);
 * // { client: { client_id: 'AbC', name: 'Mobile', client_secret: 'env:MOBILE_CLIENT_SECRET' }, aliases: ['AbC', 'Mobile'] }
 */
export function convertAuth0Client(raw: unknown, index: number, context: MigrationContext): ConvertedClient | undefined {
  const where = `clients[${index}]`;
  if (!isRecord(raw)) {
    context.warnings.push(`${where}: not an object; skipped`);
    return undefined;
  }
  if (raw.global === true) return undefined;
  const name = stringOf(raw.name);
  const exportedId = stringOf(raw.client_id);
  const label = name ?? exportedId ?? `client ${index}`;
  const client_id =
    exportedId ??
    context.envReference(label, 'client_id', `${where}.client_id`, `the client_id Auth0 gave "${label}": the apps send it; export with --export_ids to carry it over`);
  const client: Auth0Record = { client_id, ...(name ? { name } : {}) };

  const jwt = jwtConfiguration(raw.jwt_configuration, `${where}.jwt_configuration`, context);
  if (jwt) client.jwt_configuration = jwt;
  const method = stringOf(raw.token_endpoint_auth_method);
  if (method && AUTH_METHODS.has(method)) client.token_endpoint_auth_method = method;
  else if (method) context.warnings.push(`${where}.token_endpoint_auth_method: ${method} is not supported; the client authenticates with client_secret_post`);
  else if (PUBLIC_APP_TYPES.has(String(raw.app_type))) client.token_endpoint_auth_method = 'none';
  const needsSecret =
    stringOf(raw.client_secret) !== undefined ||
    (method !== undefined && method !== 'none') ||
    jwt?.alg === 'HS256' ||
    (method === undefined && CONFIDENTIAL_APP_TYPES.has(String(raw.app_type)));
  if (needsSecret) {
    client.client_secret = context.envReference(label, 'client_secret', `${where}.client_secret`, `the client secret of "${label}" in Auth0`);
  }
  // Resolved against the other clients' ids once all are converted (resolveAllowedClients).
  if (Array.isArray(raw.allowed_clients)) client.allowed_clients = raw.allowed_clients.filter((id): id is string => stringOf(id) !== undefined);
  if (Array.isArray(raw.grant_types)) {
    const grants = raw.grant_types.filter((g): g is string => typeof g === 'string' && g !== '');
    client.grant_types = grants;
    // Auth0 enforced the list; so does oauth-ro. Say so where it shuts a client out of the legacy endpoints.
    if (!grants.some((g) => g.startsWith(LEGACY_GRANT_PREFIX))) {
      context.warnings.push(
        `${where}.grant_types: lists neither ${LEGACY_GRANT_PREFIX}ro nor another legacy grant, so "${label}" cannot call /oauth/ro or /delegation (as in Auth0); add them if its apps still do`,
      );
    }
  }
  const rt = refreshToken(raw.refresh_token);
  if (rt && Object.keys(rt).length > 0) client.refresh_token = rt;
  Object.assign(client, convertClientUrls(raw, where, context));
  const mobile = mobileApps(raw.mobile);
  if (mobile) client.mobile = mobile;
  return { client, aliases: [exportedId, name].filter((a): a is string => a !== undefined) };
}

/**
 * The native apps a passwordless `link_ios` / `link_android` opens (docs/spec.md §5.11): Auth0's
 * `mobile.ios.app_bundle_identifier` and `mobile.android.app_package_name`; the rest of `mobile`
 * (team id, certificate fingerprints) is Auth0's universal-link set-up and is not carried over.
 */
function mobileApps(value: unknown): Auth0Record | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { ios, android } = value as { ios?: { app_bundle_identifier?: unknown }; android?: { app_package_name?: unknown } };
  const bundle = stringOf(ios?.app_bundle_identifier);
  const pkg = stringOf(android?.app_package_name);
  if (bundle === undefined && pkg === undefined) return undefined;
  return {
    ...(bundle === undefined ? {} : { ios: { app_bundle_identifier: bundle } }),
    ...(pkg === undefined ? {} : { android: { app_package_name: pkg } }),
  };
}
