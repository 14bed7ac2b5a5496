import type { StoreBundle } from '@oauth-ro/core/ports';
import { createSqlitePasswordHistoryStore } from './accounts/create-sqlite-password-history-store.js';
import { createSqliteTicketStore } from './accounts/create-sqlite-ticket-store.js';
import { createSqliteCodeStore } from './codes/create-sqlite-code-store.js';
import { createSqliteCounterStore } from './counters/create-sqlite-counter-store.js';
import { openDatabase } from './db/open-database.js';
import { resolveLocation } from './db/resolve-location.js';
import { createSqliteDeviceCredentialStore } from './device-credentials/create-sqlite-device-credential-store.js';
import { createSqliteKeyStore } from './keys/create-sqlite-key-store.js';
import { MIGRATIONS } from './migrations/migrations.js';
import { runMigrations } from './migrations/run-migrations.js';
import { createSqliteRefreshTokenStore } from './refresh-tokens/create-sqlite-refresh-token-store.js';
import { createSqliteUsedAssertionStore } from './used-assertions/create-sqlite-used-assertion-store.js';
import { createSqliteUserStore } from './users/create-sqlite-user-store.js';
import { createSqliteMfaEnrollmentStore } from './mfa/create-sqlite-mfa-enrollment-store.js';

/** Options of {@link openSqliteStores}. */
export interface SqliteStoreOptions {
  /** How long a write waits for another process's write lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number;
}

/**
 * Every store oauth-ro keeps in SQLite, over one connection: a {@link StoreBundle} named `database`,
 * described `sqlite:<path>`. Its `ping` runs a query (it rejects once closed or broken); `close`
 * checkpoints the WAL and closes the file, and does nothing the second time.
 */
export type SqliteStores = StoreBundle<'users' | 'keys' | 'refreshTokens' | 'deviceCredentials' | 'usedAssertions' | 'codes' | 'counters' | 'tickets' | 'passwordHistory' | 'mfaEnrollments'>;

/**
 * Opens (creating it and its folder if needed) the SQLite database at `pathOrUrl` — a file path,
 * `sqlite:<path>`, `sqlite:///<absolute path>` or `:memory:` (see {@link resolveLocation}) — migrates its schema and returns the stores. Several processes may
 * open one file at once: migrations and key creation take the write lock first, so they agree.
 *
 * @example
 * const stores = await openSqliteStores('sqlite:./data/oauth-ro.db');
 * const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher, clock, random } });
 * // on shutdown
 * await stores.close();
 */
export async function openSqliteStores(pathOrUrl: string, options: SqliteStoreOptions = {}): Promise<SqliteStores> {
  const location = resolveLocation(pathOrUrl);
  const db = openDatabase(location, options.busyTimeoutMs ?? 5000);
  try {
    runMigrations(db, MIGRATIONS);
    return {
      name: 'database',
      description: `sqlite:${location.kind === 'memory' ? ':memory:' : location.path}`,
      users: createSqliteUserStore(db),
      keys: createSqliteKeyStore(db),
      refreshTokens: createSqliteRefreshTokenStore(db),
      deviceCredentials: createSqliteDeviceCredentialStore(db),
      usedAssertions: createSqliteUsedAssertionStore(db),
      codes: createSqliteCodeStore(db),
      counters: createSqliteCounterStore(db),
      tickets: createSqliteTicketStore(db),
      passwordHistory: createSqlitePasswordHistoryStore(db),
      mfaEnrollments: createSqliteMfaEnrollmentStore(db),
      async ping() {
        if (!db.open) throw new Error('sqlite: the database is closed');
        db.prepare('SELECT 1').get();
      },
      async close() {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
