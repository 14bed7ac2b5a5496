import { ConfigurationError } from '../errors/oauth-error.js';
import type { ClientConfig } from './types.js';

/**
 * Validates a client's `allowed_clients` (Auth0 Management API: the clients that may delegate to
 * this one through `/delegation`) into the field to add to its {@link ClientConfig}. Absent, null or
 * empty means no other client: a client may always delegate to itself only (Auth0 read empty as
 * "every client"; oauth-ro does not, see docs/security.md). Throws {@link ConfigurationError}.
 *
 * @example normalizeAllowedClients({ allowed_clients: ['AbC'] }, 'clients[1]'); // { allowed_clients: ['AbC'] }
 */
export function normalizeAllowedClients(raw: Readonly<Record<string, unknown>>, path: string): Pick<ClientConfig, 'allowed_clients'> {
  const value = raw.allowed_clients;
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw new ConfigurationError(`${path}.allowed_clients`, 'must be an array of client ids');
  const ids = value.map((id, i) => {
    if (typeof id !== 'string' || id === '') throw new ConfigurationError(`${path}.allowed_clients[${i}]`, 'must be a non-empty string');
    return id;
  });
  return ids.length === 0 ? {} : { allowed_clients: ids };
}
