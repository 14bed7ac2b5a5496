import type { CoreDeps } from '../ports/deps.js';
import type { OAuthRoConfig } from './types.js';

/**
 * Asks each directory in `deps.directories` to check the `options` of every connection of its
 * strategy (`Directory.validate`), once, when the instance is created: a bad option (an `ad` URL
 * that is not `ldap(s)://`, an Entra ID connection without `client_id`) stops start-up with the
 * directory's `ConfigurationError` naming `connections[i].options.<option>`, in every host, not only
 * the standalone server. Directories without `validate` check nothing here.
 *
 * @example validateDirectoryOptions(config, { directories: { waad } }); // throws ConfigurationError('connections[2].options.client_id', …)
 */
export function validateDirectoryOptions(config: OAuthRoConfig, deps: Pick<CoreDeps, 'directories'>): void {
  config.connections.forEach((connection, i) => {
    deps.directories?.[connection.strategy]?.validate?.(connection, `connections[${i}]`);
  });
}
