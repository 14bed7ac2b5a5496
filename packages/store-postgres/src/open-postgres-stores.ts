import type { StoreBundle } from '@oauth-ro/core/ports';
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
import { describeUrl, resolveUrl } from './resolve-url.js';
import { createPostgresUserStore } from './users/create-postgres-user-store.js';
import { createPostgresTicketStore } from './accounts/create-postgres-ticket-store.js';
import { createPostgresPasswordHistoryStore } from './accounts/create-postgres-password-history-store.js';
import { createPostgresMfaEnrollmentStore } from './mfa/create-postgres-mfa-enrollment-store.js';

/**
 * Every store oauth-ro keeps in PostgreSQL, over one pool: a {@link StoreBundle} named `database`,
 * described `postgres://host:port` (and ` (schema name)` unless `public`; never a user or password).
 * Its `ping` rejects with core's `UnavailableError` while PostgreSQL does not answer; `close` ends
 * the pool once checked-out connections came back. With Redis configured, prefer Redis's `codes`,
 * `counters` and `usedAssertions` (`combineStores`).
 */
export type PostgresStores = StoreBundle<'users' | 'keys' | 'refreshTokens' | 'deviceCredentials' | 'usedAssertions' | 'codes' | 'counters' | 'tickets' | 'passwordHistory' | 'mfaEnrollments'>;

/**
 * Connects to PostgreSQL (`?schema=name` on the URL selects the schema, like `options.schema`), migrates the schema (once, however many instances start together) and
 * returns the stores. An unreachable server rejects with `UnavailableError` within
 * `connectionTimeoutMs`; later outages turn single requests into 503s and heal by themselves.
 *
 * @example
 * const stores = await openPostgresStores('postgres://oauth@db.internal/oauth', { max: 20 });
 * const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher, clock, random } });
 * // on shutdown
 * await stores.close();
 */
export async function openPostgresStores(value: string, options?: PostgresStoreOptions): Promise<PostgresStores> {
  const { url, options: withSchema } = resolveUrl(value, options);
  const resolved = resolveOptions(withSchema);
  if (resolved.migrate) await runMigrations(url, resolved);
  const db = createDatabase(createPool(url, resolved), resolved.logger);
  return {
    name: 'database',
    description: describeUrl(url, resolved.schema),
    users: createPostgresUserStore(db),
    keys: createPostgresKeyStore(db),
    refreshTokens: createPostgresRefreshTokenStore(db),
    deviceCredentials: createPostgresDeviceCredentialStore(db),
    usedAssertions: createPostgresUsedAssertionStore(db),
    codes: createPostgresCodeStore(db),
    counters: createPostgresCounterStore(db),
    tickets: createPostgresTicketStore(db),
    passwordHistory: createPostgresPasswordHistoryStore(db),
    mfaEnrollments: createPostgresMfaEnrollmentStore(db),
    ping: () => db.ping(),
    close: () => db.close(),
  };
}
