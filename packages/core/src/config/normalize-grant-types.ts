import { ConfigurationError } from '../errors/oauth-error.js';
import type { ClientConfig } from './types.js';

/**
 * Validates a client's `grant_types`: an array of grant names (duplicates dropped). Absent or null:
 * no list, so the defaults of `clientAllowsGrant` apply. Names this server does not serve
 * (`authorization_code`, `implicit`, the MFA grants of an Auth0 export) are kept and simply never
 * match. Throws {@link ConfigurationError} naming the path.
 *
 * @example normalizeGrantTypes({ grant_types: ['password', 'refresh_token'] }, 'clients[0]');
 * // { grant_types: ['password', 'refresh_token'] }
 */
export function normalizeGrantTypes(raw: Readonly<Record<string, unknown>>, path: string): Pick<ClientConfig, 'grant_types'> {
  const list = raw.grant_types;
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) throw new ConfigurationError(`${path}.grant_types`, 'must be an array of grant type names');
  const out: string[] = [];
  list.forEach((name, i) => {
    if (typeof name !== 'string' || name.length === 0) {
      throw new ConfigurationError(`${path}.grant_types[${i}]`, 'must be a non-empty string');
    }
    if (!out.includes(name)) out.push(name);
  });
  return { grant_types: out };
}
