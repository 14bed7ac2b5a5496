import { ConfigurationError } from '../errors/oauth-error.js';
import type { ClientConfig, ConnectionConfig, JwtAlg, OAuthRoConfig, StrategyName } from './types.js';
import { normalizeTokenLifecycle } from './normalize-token-lifecycle.js';
import { normalizeExtensibility } from './normalize-extensibility.js';
import { normalizeAllowedClients } from './normalize-allowed-clients.js';
import { normalizeClientUrls } from './normalize-client-urls.js';
import { normalizeClientMobile } from './normalize-client-mobile.js';
import { normalizeAccounts } from './normalize-accounts.js';
import { checkConfigKeys } from './check-config-keys.js';
import { normalizeGrantTypes } from './normalize-grant-types.js';
import { normalizeApis } from './normalize-apis.js';
import { checkSocialConnection } from './check-social-connection.js';

const STRATEGIES: readonly StrategyName[] = ['auth0', 'sms', 'email', 'ad', 'waad', 'adfs', 'facebook', 'google-oauth2', 'apple'];
const ALGS: readonly JwtAlg[] = ['RS256', 'HS256', 'ES256', 'EdDSA'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ConfigurationError(path, 'must be a non-empty string');
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : requireString(value, path);
}

function normalizeClient(raw: unknown, path: string): ClientConfig {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  const client_id = requireString(raw.client_id, `${path}.client_id`);
  const client_secret = optionalString(raw.client_secret, `${path}.client_secret`);
  const jwt = raw.jwt_configuration ?? {};
  if (!isRecord(jwt)) throw new ConfigurationError(`${path}.jwt_configuration`, 'must be an object');
  const alg = jwt.alg ?? 'RS256';
  if (!ALGS.includes(alg as JwtAlg)) {
    throw new ConfigurationError(`${path}.jwt_configuration.alg`, `must be one of ${ALGS.join(', ')}`);
  }
  const lifetime = jwt.lifetime_in_seconds ?? 36000;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime <= 0) {
    throw new ConfigurationError(`${path}.jwt_configuration.lifetime_in_seconds`, 'must be a positive integer');
  }
  const secret_encoded = jwt.secret_encoded ?? false;
  if (typeof secret_encoded !== 'boolean') {
    throw new ConfigurationError(`${path}.jwt_configuration.secret_encoded`, 'must be true or false');
  }
  if (alg === 'HS256' && client_secret === undefined) {
    throw new ConfigurationError(`${path}.client_secret`, 'is required when jwt_configuration.alg is HS256');
  }
  if (alg === 'HS256' && client_secret !== undefined && client_secret.length < 16) {
    throw new ConfigurationError(`${path}.client_secret`, 'must be at least 16 characters to sign HS256 tokens');
  }
  const name = optionalString(raw.name, `${path}.name`);
  return {
    client_id,
    ...(client_secret === undefined ? {} : { client_secret }),
    ...(name === undefined ? {} : { name }),
    jwt_configuration: { alg: alg as JwtAlg, lifetime_in_seconds: lifetime, secret_encoded },
    ...normalizeTokenLifecycle(raw, path),
    ...normalizeAllowedClients(raw, path),
    ...normalizeClientUrls(raw, path),
    ...normalizeGrantTypes(raw, path),
    ...normalizeClientMobile(raw, path),
  };
}

function normalizeConnection(raw: unknown, path: string, clientIds: ReadonlySet<string>): ConnectionConfig {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  const name = requireString(raw.name, `${path}.name`);
  const strategy = raw.strategy;
  if (!STRATEGIES.includes(strategy as StrategyName)) {
    throw new ConfigurationError(`${path}.strategy`, `must be one of ${STRATEGIES.join(', ')}`);
  }
  const enabled = raw.enabled_clients ?? [];
  if (!Array.isArray(enabled)) throw new ConfigurationError(`${path}.enabled_clients`, 'must be an array of client ids');
  const enabled_clients = enabled.map((id, i) => {
    const value = requireString(id, `${path}.enabled_clients[${i}]`);
    if (!clientIds.has(value)) {
      throw new ConfigurationError(`${path}.enabled_clients[${i}]`, `names unknown client "${value}"`);
    }
    return value;
  });
  const options = raw.options ?? {};
  if (!isRecord(options)) throw new ConfigurationError(`${path}.options`, 'must be an object');
  checkSocialConnection(strategy as StrategyName, options, `${path}.options`);
  return { name, strategy: strategy as StrategyName, enabled_clients, options };
}

/**
 * Validates a configuration object (already read from JSON or YAML, `env:` values resolved) into
 * typed, frozen values with defaults applied. Throws {@link ConfigurationError} naming the path.
 *
 * @example
 * const config = normalizeConfig({ issuer: 'https://auth.example.com/', clients: [...], connections: [...] });
 */
export function normalizeConfig(raw: unknown): OAuthRoConfig {
  if (!isRecord(raw)) throw new ConfigurationError('(root)', 'must be an object');
  checkConfigKeys(raw);
  let issuer = requireString(raw.issuer, 'issuer');
  try {
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new ConfigurationError('issuer', 'must be an http(s) URL');
  }
  if (!issuer.endsWith('/')) issuer += '/';
  if (!Array.isArray(raw.clients)) throw new ConfigurationError('clients', 'must be an array');
  const clients = raw.clients.map((c, i) => normalizeClient(c, `clients[${i}]`));
  const ids = new Set<string>();
  clients.forEach((c, i) => {
    if (ids.has(c.client_id)) throw new ConfigurationError(`clients[${i}].client_id`, `duplicates "${c.client_id}"`);
    ids.add(c.client_id);
  });
  if (!Array.isArray(raw.connections)) throw new ConfigurationError('connections', 'must be an array');
  const connections = raw.connections.map((c, i) => normalizeConnection(c, `connections[${i}]`, ids));
  const names = new Set<string>();
  connections.forEach((c, i) => {
    if (names.has(c.name)) throw new ConfigurationError(`connections[${i}].name`, `duplicates "${c.name}"`);
    names.add(c.name);
  });
  return deepFreeze({ issuer, clients, connections, ...normalizeExtensibility(raw, connections), ...normalizeAccounts(raw, connections), ...normalizeApis(raw, { clients, connections }) });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
