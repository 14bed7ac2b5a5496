import { createArgon2Hasher } from '@oauth-ro/argon2';
import { systemClock, webCryptoRandom, type CombinedStores, type ConnectionConfig, type Logger, type OAuthRoConfig, type PasswordHasher } from '@oauth-ro/core';
import { loadServerConfig } from '../config/load-server-config.js';
import { readEnvironment, type ServerEnvironment } from '../env/read-environment.js';
import { openStores } from '../stores/open-stores.js';
import type { CliIo } from './cli-io.js';
import { CommandError } from './usage-error.js';

/** What an administration command works on: the server's own configuration and stores. */
export interface AdminContext {
  readonly env: ServerEnvironment;
  readonly config: OAuthRoConfig;
  readonly stores: CombinedStores;
  readonly hasher: PasswordHasher;
  readonly clock: typeof systemClock;
  readonly random: typeof webCryptoRandom;
  readonly logger: Logger;
}

/** Store warnings and errors go to stderr as one line each; info is dropped (the command says what it did). */
function stderrLogger(io: CliIo): Logger {
  const line = (level: string) => (obj: Record<string, unknown>, msg?: string) => io.err(`${level}: ${msg ?? ''} ${JSON.stringify(obj)}`.trim());
  return { info() {}, warn: line('warning'), error: line('error') };
}

/**
 * Opens what the server opens, from the same environment (`OAUTH_RO_DATABASE`, `OAUTH_RO_REDIS`,
 * `OAUTH_RO_CONFIG`, `OAUTH_RO_ISSUER`), runs `task` and closes the stores whatever happens.
 *
 * @example
 * await withAdminContext(io, async ({ stores }) => stores.users.findById('auth0|abc'));
 */
export async function withAdminContext<T>(io: CliIo, task: (context: AdminContext) => Promise<T>): Promise<T> {
  const env = readEnvironment(io.env);
  const config = await loadServerConfig(env, io.env);
  const logger = stderrLogger(io);
  const stores = await openStores(env, logger);
  try {
    const hasher = await createArgon2Hasher();
    return await task({ env, config, stores, hasher, clock: systemClock, random: webCryptoRandom, logger });
  } finally {
    await stores.close();
  }
}

/**
 * The database (`auth0`) connection named on the command line, or a failure naming the ones there are.
 *
 * @example const connection = databaseConnection(config, 'Username-Password-Authentication');
 */
export function databaseConnection(config: OAuthRoConfig, name: string): ConnectionConfig {
  const database = config.connections.filter((c) => c.strategy === 'auth0');
  const connection = database.find((c) => c.name === name);
  if (connection) return connection;
  const names = database.map((c) => c.name).join(', ') || '(none)';
  throw new CommandError(`no database connection "${name}" in the configuration; database connections: ${names}`);
}
