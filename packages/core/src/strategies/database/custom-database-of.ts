import type { ConnectionConfig } from '../../config/types.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { CustomDatabase } from '../../ports/custom-database.js';

/** A custom-database connection's scripts, and whether its users migrate (`import_mode`). */
export interface CustomConnection {
  readonly custom: CustomDatabase;
  /** Lazy migration: the scripts only answer for users not stored locally yet. */
  readonly importMode: boolean;
}

/**
 * The custom database behind a connection, if it has one (Auth0's `enabledDatabaseCustomization`).
 *
 * @example const custom = customDatabaseOf(ctx.deps, connection); if (custom && !custom.importMode) await custom.custom.verify?.(email);
 */
export function customDatabaseOf(deps: Pick<CoreDeps, 'customDatabases'>, connection: ConnectionConfig | undefined): CustomConnection | undefined {
  const custom = connection && deps.customDatabases?.[connection.name];
  return custom ? { custom, importMode: connection.options.import_mode === true } : undefined;
}

/**
 * True for a connection whose users live only in its custom database (scripts configured, no
 * `import_mode`): every password change, verification and deletion must go through its scripts.
 *
 * @example if (keepsUsersUpstream(connection)) return err(oauthError('unsupported_operation'));
 */
export function keepsUsersUpstream(connection: ConnectionConfig | undefined): boolean {
  return connection?.options.enabledDatabaseCustomization === true && connection.options.import_mode !== true;
}
