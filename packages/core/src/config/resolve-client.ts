import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import type { ClientConfig, ConnectionConfig, OAuthRoConfig } from './types.js';

/** Lookup tables built once from the configuration. */
export interface ConfigIndex {
  readonly config: OAuthRoConfig;
  readonly clients: ReadonlyMap<string, ClientConfig>;
  readonly connections: ReadonlyMap<string, ConnectionConfig>;
}

/** @example const index = indexConfig(config); */
export function indexConfig(config: OAuthRoConfig): ConfigIndex {
  return {
    config,
    clients: new Map(config.clients.map((c) => [c.client_id, c])),
    connections: new Map(config.connections.map((c) => [c.name, c])),
  };
}

/**
 * @example
 * const client = resolveClient(index, 'mobile-app'); // { ok: true, value: ClientConfig }
 */
export function resolveClient(index: ConfigIndex, client_id: string): Result<ClientConfig, OAuthError> {
  const client = index.clients.get(client_id);
  return client ? ok(client) : err(oauthError('unauthorized_client'));
}

/**
 * The connection by name, if it exists and is enabled for the client (docs/spec.md §3: unknown vs disabled).
 *
 * @example
 * resolveConnection(index, client, 'Username-Password-Authentication');
 */
export function resolveConnection(
  index: ConfigIndex,
  client: ClientConfig,
  name: string,
): Result<ConnectionConfig, OAuthError> {
  const connection = index.connections.get(name);
  if (!connection) return err(oauthError('connection_not_found'));
  if (!connection.enabled_clients.includes(client.client_id)) return err(oauthError('connection_disabled'));
  return ok(connection);
}
