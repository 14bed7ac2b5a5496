import { ConfigurationError } from '../errors/oauth-error.js';
import type { InferOutput } from 'valibot';
import type { ClientConfig, ConnectionConfig, OAuthRoConfig } from './types.js';
import type { CONFIG_SCHEMA } from './known-config-keys.js';
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

type Shape = InferOutput<typeof CONFIG_SCHEMA>;
type ClientShape = Shape['clients'][number];
type ConnectionShape = Shape['connections'][number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the schema cannot say about a client: defaults, the HS256 secret, and the normalisers' fields. */
function normalizeClient(raw: ClientShape, path: string): ClientConfig {
  const { client_id, client_secret, name } = raw;
  const jwt = raw.jwt_configuration ?? {};
  const alg = jwt.alg ?? 'RS256';
  if (alg === 'HS256' && client_secret === undefined) {
    throw new ConfigurationError(`${path}.client_secret`, 'is required when jwt_configuration.alg is HS256');
  }
  if (alg === 'HS256' && client_secret !== undefined && client_secret.length < 16) {
    throw new ConfigurationError(`${path}.client_secret`, 'must be at least 16 characters to sign HS256 tokens');
  }
  const record = raw as Record<string, unknown>;
  return {
    client_id,
    ...(client_secret === undefined ? {} : { client_secret }),
    ...(name === undefined ? {} : { name }),
    jwt_configuration: { alg, lifetime_in_seconds: jwt.lifetime_in_seconds ?? 36000, secret_encoded: jwt.secret_encoded ?? false },
    ...normalizeTokenLifecycle(record, path),
    ...normalizeAllowedClients(record, path),
    ...normalizeClientUrls(record, path),
    ...normalizeGrantTypes(record, path),
    ...normalizeClientMobile(record, path),
  };
}

function normalizeConnection(raw: ConnectionShape, path: string, clientIds: ReadonlySet<string>): ConnectionConfig {
  const { name, strategy } = raw;
  const enabled_clients = (raw.enabled_clients ?? []).map((id, i) => {
    if (!clientIds.has(id)) throw new ConfigurationError(`${path}.enabled_clients[${i}]`, `names unknown client "${id}"`);
    return id;
  });
  const options: Record<string, unknown> = raw.options ?? {};
  checkSocialConnection(strategy, options, `${path}.options`);
  return { name, strategy, enabled_clients, options };
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
  // Types, required keys, enums and unknown keys: the configuration schema (known-config-keys.ts).
  checkConfigKeys(raw);
  const shape = raw as Shape;
  let issuer = shape.issuer;
  try {
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new ConfigurationError('issuer', 'must be an http(s) URL');
  }
  if (!issuer.endsWith('/')) issuer += '/';
  const clients = shape.clients.map((c, i) => normalizeClient(c, `clients[${i}]`));
  const ids = new Set<string>();
  clients.forEach((c, i) => {
    if (ids.has(c.client_id)) throw new ConfigurationError(`clients[${i}].client_id`, `duplicates "${c.client_id}"`);
    ids.add(c.client_id);
  });
  const connections = shape.connections.map((c, i) => normalizeConnection(c, `connections[${i}]`, ids));
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
