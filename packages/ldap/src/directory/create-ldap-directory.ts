import type { ConnectionConfig, Directory, DirectoryIdentity, Logger, OAuthError, Result } from '@oauth-ro/core/ports';
import { err } from '@oauth-ro/core/ports';
import { unavailable } from '../errors/unavailable.js';
import { directBind } from '../login/direct-bind.js';
import { searchThenBind } from '../login/search-then-bind.js';
import { parseLdapOptions } from '../options/parse-ldap-options.js';
import { createConnectionState, type ConnectionState } from './connection-state.js';

/** Options of {@link createLdapDirectory}. */
export interface LdapDirectoryOptions {
  /**
   * The configuration's connections: the `ad` ones are validated at once, so a bad option stops
   * start-up with a `ConfigurationError` naming `connections[i].options.<option>`. Connections not
   * given here are validated on their first login (the path then names the connection).
   */
  readonly connections?: readonly ConnectionConfig[];
  /** Receives directory failures (connection, step, error message); never passwords. */
  readonly logger?: Logger;
}

/** The `ad` directory, with a view of its pools for health pages and tests. */
export interface LdapDirectory extends Directory {
  /** Open, idle and waiting counts of each connection's pools. */
  stats(): Record<string, { search: PoolSize; bind: PoolSize }>;
  close(): Promise<void>;
}

type PoolSize = { open: number; idle: number; waiting: number };

interface Known {
  readonly options: Readonly<Record<string, unknown>>;
  readonly fingerprint: string;
  readonly state: ConnectionState;
}

/**
 * The `ad` strategy (Active Directory / LDAP, docs/spec.md §2) as core's `Directory` port, over `ldapts`.
 * Each connection's options are validated once; each connection keeps a bounded pool of
 * service-account connections for searches and a separate one for user binds.
 *
 * @example
 * const ad = createLdapDirectory({ connections: config.connections, logger });
 * const oauthRo = await createOAuthRo({ config, deps: { ...deps, directories: { ad } } });
 */
export function createLdapDirectory(options: LdapDirectoryOptions = {}): LdapDirectory {
  const byConfig = new WeakMap<ConnectionConfig, ConnectionState>();
  const byName = new Map<string, Known>();

  function remember(connection: ConnectionConfig, path: string): ConnectionState {
    const fingerprint = JSON.stringify(connection.options);
    const known = byName.get(connection.name);
    if (known && (known.options === connection.options || known.fingerprint === fingerprint)) {
      byConfig.set(connection, known.state);
      return known.state;
    }
    const state = createConnectionState(connection.name, parseLdapOptions(connection.options, path), options.logger);
    if (known) void closeState(known.state);
    byName.set(connection.name, { options: connection.options, fingerprint, state });
    byConfig.set(connection, state);
    return state;
  }

  options.connections?.forEach((connection, i) => {
    if (connection.strategy === 'ad') remember(connection, `connections[${i}].options`);
  });

  async function authenticate({ connection, username, password }: Parameters<Directory['authenticate']>[0]) {
    const state = byConfig.get(connection) ?? remember(connection, `connections[${JSON.stringify(connection.name)}].options`);
    const login = state.options.bindMode === 'direct' ? directBind(state, username, password) : searchThenBind(state, username, password);
    return withDeadline(login, state);
  }

  return {
    authenticate,
    stats() {
      return Object.fromEntries([...byName].map(([name, { state }]) => [name, { search: state.search.size, bind: state.bind.size }]));
    },
    async close() {
      const states = [...byName.values()].map((known) => known.state);
      byName.clear();
      await Promise.all(states.map(closeState));
    },
  };
}

async function closeState(state: ConnectionState): Promise<void> {
  await Promise.all([state.search.close(), state.bind.close()]);
}

/**
 * Every step has its own timeout (connect, operation, pool wait); this outer bound is the safety
 * net that turns anything unforeseen into a 503 rather than a hung request.
 */
async function withDeadline(
  login: Promise<Result<DirectoryIdentity, OAuthError>>,
  state: ConnectionState,
): Promise<Result<DirectoryIdentity, OAuthError>> {
  const { connectTimeoutMs, timeoutMs } = state.options;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Result<DirectoryIdentity, OAuthError>>((resolve) => {
    timer = setTimeout(() => {
      state.logger?.warn({ event: 'ldap_deadline', connection: state.name }, 'directory login exceeded its deadline');
      resolve(err(unavailable(state.name)));
    }, 2 * connectTimeoutMs + 4 * timeoutMs);
  });
  try {
    return await Promise.race([login, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
