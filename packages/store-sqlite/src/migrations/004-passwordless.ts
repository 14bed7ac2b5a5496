import type { Migration } from './migration.js';

/**
 * Passwordless codes (keyed hashes only, one per connection and recipient) and fixed-window
 * counters for throttling. Times are epoch milliseconds.
 */
export const passwordlessMigration: Migration = {
  version: 4,
  name: 'passwordless codes and counters',
  sql: `
    CREATE TABLE passwordless_codes (
      connection   TEXT NOT NULL,
      recipient    TEXT NOT NULL,
      code_hash    TEXT NOT NULL,
      expires_at   INTEGER NOT NULL,
      max_attempts INTEGER NOT NULL,
      attempts     INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (connection, recipient)
    );
    CREATE INDEX passwordless_codes_expiry ON passwordless_codes (expires_at);

    CREATE TABLE counters (
      key       TEXT PRIMARY KEY NOT NULL,
      count     INTEGER NOT NULL,
      resets_at INTEGER NOT NULL
    );
    CREATE INDEX counters_resets_at ON counters (resets_at);
  `,
};
