import pg from 'pg';
import type { ResolvedPostgresStoreOptions } from '../options.js';

/**
 * A `pg` pool with the timeouts set: connection wait and establishment bounded by
 * `connectionTimeoutMs`, each statement by the server's `statement_timeout` and, should the server
 * stop answering altogether, by a client-side `query_timeout` a second later. TCP keep-alive finds
 * dead peers; `search_path` selects the schema.
 *
 * @example
 * const pool = createPool('postgres://app@db/oauth', resolvedOptions);
 */
export function createPool(url: string, options: ResolvedPostgresStoreOptions): pg.Pool {
  const statementTimeoutMs = options.statementTimeoutMs;
  return new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
    idle_in_transaction_session_timeout: Math.max(statementTimeoutMs * 2, 10_000),
    keepAlive: true,
    application_name: options.applicationName,
    // The schema name was checked to be a plain identifier when the options were resolved.
    options: `-c search_path=${options.schema}`,
  });
}

