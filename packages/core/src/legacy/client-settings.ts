import type { ClientConfig, ConnectionConfig } from '../config/types.js';
import type { ConfigIndex } from '../config/resolve-client.js';
import { passwordPolicyOf } from '../strategies/database/password-policy.js';

/** One connection as Lock 10 reads it from `/client/{id}.js`. */
export type ClientScriptConnection = Record<string, unknown> & { readonly name: string };

/** The object `Auth0.setClient(…)` hands to Lock 10. */
export interface ClientSettings {
  readonly id: string;
  readonly tenant: string;
  readonly subscription: string;
  readonly strategies: readonly { readonly name: string; readonly connections: readonly ClientScriptConnection[] }[];
}

function usernameValidation(options: ConnectionConfig['options']): Record<string, unknown> | undefined {
  const validation = options.validation;
  if (typeof validation !== 'object' || validation === null) return undefined;
  const username = (validation as Record<string, unknown>).username;
  if (typeof username !== 'object' || username === null) return undefined;
  const { min, max } = username as Record<string, unknown>;
  return { username: { ...(typeof min === 'number' ? { min } : {}), ...(typeof max === 'number' ? { max } : {}) } };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What Lock reads of one connection: database sign-up/reset/username settings, directory domains. */
function describeConnection(connection: ConnectionConfig): ClientScriptConnection {
  const { options } = connection;
  if (connection.strategy === 'auth0') {
    const validation = usernameValidation(options);
    return {
      name: connection.name,
      showSignup: options.disable_signup !== true,
      showForgot: true,
      passwordPolicy: passwordPolicyOf(options),
      requires_username: options.requires_username === true,
      ...(validation ? { validation } : {}),
    };
  }
  if (connection.strategy === 'ad' || connection.strategy === 'waad' || connection.strategy === 'adfs') {
    const domain = typeof options.domain === 'string' ? options.domain : typeof options.tenant_domain === 'string' ? options.tenant_domain : undefined;
    return { name: connection.name, ...(domain ? { domain } : {}), domain_aliases: stringList(options.domain_aliases) };
  }
  return { name: connection.name };
}

/**
 * The client settings Lock 10 loads from `/client/{id}.js` (Auth0's legacy shape): the client id,
 * a tenant name (the issuer's first host label), and the connections enabled for the client grouped
 * by strategy, in configuration order.
 *
 * @example clientSettings(index, client).strategies; // [{ name: 'auth0', connections: [{ name: 'Username-Password-Authentication', showSignup: true, … }] }]
 */
export function clientSettings(index: ConfigIndex, client: ClientConfig): ClientSettings {
  const strategies = new Map<string, ClientScriptConnection[]>();
  for (const connection of index.config.connections) {
    if (!connection.enabled_clients.includes(client.client_id)) continue;
    const list = strategies.get(connection.strategy) ?? [];
    list.push(describeConnection(connection));
    strategies.set(connection.strategy, list);
  }
  return {
    id: client.client_id,
    tenant: new URL(index.config.issuer).hostname.split('.')[0] ?? '',
    subscription: 'self-hosted',
    strategies: [...strategies].map(([name, connections]) => ({ name, connections })),
  };
}

/**
 * A value as a JavaScript expression safe inside a `<script>` (no `</script>`, no U+2028/2029).
 *
 * @example scriptLiteral({ a: '</script>' }); // '{"a":"\\u003c/script>"}'
 */
export function scriptLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
