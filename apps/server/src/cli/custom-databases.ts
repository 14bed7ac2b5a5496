import type { CustomDatabase, Logger, OAuthRoConfig } from '@oauth-ro/core';
import { loadExtensibility } from '../server/load-extensibility.js';

/**
 * Runs `task` with the custom database of `connection` when its users live only there (scripts, no
 * `import_mode`), so an administrator's password change or deletion reaches the legacy system through
 * the connection's `change_password` / `delete` script, as on the server. Other connections get none
 * (and start no script process).
 *
 * @example await withCustomDatabases(config, logger, user.connection, (customDatabases) => setUserPassword({ ...deps, customDatabases }, config, id, pw));
 */
export async function withCustomDatabases<T>(
  config: OAuthRoConfig,
  logger: Logger,
  connection: string,
  task: (customDatabases: Readonly<Record<string, CustomDatabase>> | undefined) => Promise<T>,
): Promise<T> {
  const options = config.connections.find((c) => c.name === connection)?.options;
  if (options?.enabledDatabaseCustomization !== true || options.import_mode === true) return task(undefined);
  const only: OAuthRoConfig = { ...config, rules: [], actions: [], connections: config.connections.filter((c) => c.name === connection) };
  const loaded = await loadExtensibility(only, { info: (o, m) => logger.info(o, m), warn: (o, m) => logger.warn(o, m), error: (o, m) => logger.error(o, m), debug: () => {} });
  try {
    return await task(loaded.customDatabases);
  } finally {
    await loaded.close();
  }
}
