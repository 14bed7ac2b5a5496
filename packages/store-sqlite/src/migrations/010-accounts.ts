import type { Migration } from './migration.js';

/**
 * Reset and verification tickets (by SHA-256 only; times epoch milliseconds) and earlier password
 * hashes for `password_history`, newest by `seq`.
 */
export const accountsMigration: Migration = {
  version: 10,
  name: 'account tickets and password history',
  sql: `
    CREATE TABLE tickets (
      kind          TEXT NOT NULL,
      ticket_hash   TEXT NOT NULL,
      user_id       TEXT NOT NULL,
      client_id     TEXT,
      result_url    TEXT,
      password_hash TEXT,
      created_at    INTEGER NOT NULL,
      expires_at    INTEGER NOT NULL,
      PRIMARY KEY (kind, ticket_hash)
    );
    CREATE INDEX tickets_expires_at ON tickets (expires_at);
    CREATE TABLE password_history (
      seq           INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id       TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      created_at    INTEGER NOT NULL
    );
    CREATE INDEX password_history_user ON password_history (user_id, seq);
  `,
};
