import type { Directory, Logger, OAuthRoConfig } from '@oauth-ro/core';

/**
 * The directory strategies handed to core as `deps.directories`, keyed by strategy name; the single
 * place where they are wired into the server. Only the strategies the configuration uses are loaded
 * (their packages are imported on demand, keeping start-up light). `createOAuthRo` then has each
 * directory validate its connections' options (`Directory.validate`), so a bad option stops start-up
 * (and `config validate`) with a `ConfigurationError` naming `connections[i].options.<option>`.
 *
 * @example
 * const directories = await loadDirectories(config, logger); // { ad } for a configuration with an `ad` connection
 */
export async function loadDirectories(config: OAuthRoConfig, logger: Logger): Promise<Readonly<Record<string, Directory>>> {
  const directories: Record<string, Directory> = {};
  const uses = (strategy: string) => config.connections.some((c) => c.strategy === strategy);
  if (uses('ad')) {
    const { createLdapDirectory } = await import('@oauth-ro/ldap');
    directories.ad = createLdapDirectory({ connections: config.connections, logger });
  }
  if (uses('waad')) {
    const { createWaadDirectory } = await import('@oauth-ro/waad');
    directories.waad = createWaadDirectory({ logger });
  }
  if (uses('adfs')) {
    const { createAdfsDirectory } = await import('@oauth-ro/adfs');
    directories.adfs = createAdfsDirectory({ logger });
  }
  return directories;
}
