import type { Logger } from '@oauth-ro/core/ports';

/** How {@link openPostgresStores} connects. Every field has a default suited to one instance of many. */
export interface PostgresStoreOptions {
  /** Connections per instance (default 10). Instances × max must stay under the server's `max_connections`. */
  readonly max?: number;
  /** Longest wait for a connection, from the pool or a new one, before a 503 (default 5000 ms). */
  readonly connectionTimeoutMs?: number;
  /** Server-side `statement_timeout` for every statement (default 5000 ms). */
  readonly statementTimeoutMs?: number;
  /** Close connections idle this long (default 30000 ms). */
  readonly idleTimeoutMs?: number;
  /** `statement_timeout` while migrating (default 60000 ms). */
  readonly migrationTimeoutMs?: number;
  /** Run pending migrations on open (default true). */
  readonly migrate?: boolean;
  /**
   * The PostgreSQL schema the tables live in (default `public`). Created if missing; lets several
   * deployments share one database.
   */
  readonly schema?: string;
  /** Shown in `pg_stat_activity` (default `oauth-ro`). */
  readonly applicationName?: string;
  readonly logger?: Logger;
}

/** {@link PostgresStoreOptions} with every default applied. */
export type ResolvedPostgresStoreOptions = Required<PostgresStoreOptions>;
