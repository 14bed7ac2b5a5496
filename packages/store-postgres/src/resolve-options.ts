import { silentLogger } from '@oauth-ro/core/ports';
import type { PostgresStoreOptions, ResolvedPostgresStoreOptions } from './options.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Applies the defaults. Throws (a configuration error) for a schema name that is not a plain SQL
 * identifier, since it is spliced into `search_path`.
 *
 * @example resolveOptions({ max: 20 }).statementTimeoutMs; // 5000
 */
export function resolveOptions(options: PostgresStoreOptions = {}): ResolvedPostgresStoreOptions {
  const schema = options.schema ?? 'public';
  if (!IDENTIFIER.test(schema)) throw new Error(`PostgreSQL schema must be a plain identifier, got ${JSON.stringify(schema)}`);
  return {
    max: options.max ?? 10,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 5000,
    statementTimeoutMs: options.statementTimeoutMs ?? 5000,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
    migrationTimeoutMs: options.migrationTimeoutMs ?? 60_000,
    migrate: options.migrate ?? true,
    schema,
    applicationName: options.applicationName ?? 'oauth-ro',
    logger: options.logger ?? silentLogger,
  };
}
