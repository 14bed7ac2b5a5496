import type {
  CodeStore,
  CounterStore,
  DeviceCredentialStore,
  KeyStore,
  RefreshTokenStore,
  UsedAssertionStore,
  UserStore,
  TicketStore,
  PasswordHistoryStore,
} from '@oauth-ro/core/ports';
import { createPostgresUsedAssertionStore } from './assertions/create-postgres-used-assertion-store.js';
import { createPostgresCodeStore } from './codes/create-postgres-code-store.js';
import { createPostgresCounterStore } from './counters/create-postgres-counter-store.js';
import { createDatabase } from './db/create-database.js';
import { createPool } from './db/create-pool.js';
import { createPostgresDeviceCredentialStore } from './devices/create-postgres-device-credential-store.js';
import { createPostgresKeyStore } from './keys/create-postgres-key-store.js';
import { runMigrations } from './migrations/run-migrations.js';
import type { PostgresStoreOptions } from './options.js';
import { createPostgresRefreshTokenStore } from './refresh-tokens/create-postgres-refresh-token-store.js';
import { resolveOptions } from './resolve-options.js';
import { createPostgresUserStore } from './users/create-postgres-user-store.js';
import { createPostgresTicketStore } from './accounts/create-postgres-ticket-store.js';
import { createPostgresPasswordHistoryStore } from './accounts/create-postgres-password-history-store.js';

/** Every store oauth-ro keeps in PostgreSQL, over one pool. */
export interface PostgresStores {
  readonly users: UserStore;
  readonly keys: KeyStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly deviceCredentials: DeviceCredentialStore;
  readonly usedAssertions: UsedAssertionStore;
  /** Passwordless codes; with Redis configured, prefer Redis's. */
  readonly codes: CodeStore;
  /** Throttling and failure counters; with Redis configured, prefer Redis's. */
  readonly counters: CounterStore;
  readonly tickets: TicketStore;
  readonly passwordHistory: PasswordHistoryStore;
  /** Resolves when PostgreSQL answers; rejects with core's `UnavailableError` otherwise (for readiness). */
  ping(): Promise<void>;
  /** Ends the pool; waits for checked-out connections to come back. */
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL, migrates the schema (once, however many instances start together) and
 * returns the stores. An unreachable server rejects with `UnavailableError` within
 * `connectionTimeoutMs`; later outages turn single requests into 503s and heal by themselves.
 *
 * @example
 * const stores = await openPostgresStores('postgres://oauth@db.internal/oauth', { max: 20 });
 * const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher, clock, random } });
 * // on shutdown
 * await stores.close();
 */
export async function openPostgresStores(url: string, options?: PostgresStoreOptions): Promise<PostgresStores> {
  const resolved = resolveOptions(options);
  if (resolved.migrate) await runMigrations(url, resolved);
  const db = createDatabase(createPool(url, resolved), resolved.logger);
  return {
    users: createPostgresUserStore(db),
    keys: createPostgresKeyStore(db),
    refreshTokens: createPostgresRefreshTokenStore(db),
    deviceCredentials: createPostgresDeviceCredentialStore(db),
    usedAssertions: createPostgresUsedAssertionStore(db),
    codes: createPostgresCodeStore(db),
    counters: createPostgresCounterStore(db),
    tickets: createPostgresTicketStore(db),
    passwordHistory: createPostgresPasswordHistoryStore(db),
    ping: () => db.ping(),
    close: () => db.close(),
  };
}
