import type { Migration } from './migration.js';

/**
 * Refresh tokens (by SHA-256 only), device public keys and used Touch ID assertions. Times are
 * epoch milliseconds. One key per user, client and device is a unique constraint, so racing
 * registrations cannot both succeed.
 */
export const tokenLifecycleMigration: Migration = {
  version: 3,
  name: 'token lifecycle',
  sql: `
    CREATE TABLE refresh_tokens (
      id           TEXT PRIMARY KEY NOT NULL,
      token_hash   TEXT NOT NULL UNIQUE,
      family_id    TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      client_id    TEXT NOT NULL,
      device       TEXT NOT NULL,
      scope        TEXT NOT NULL,
      rotating     INTEGER NOT NULL,
      created_at   INTEGER NOT NULL,
      expires_at   INTEGER,
      last_used_at INTEGER,
      rotated_at   INTEGER,
      revoked_at   INTEGER
    );
    CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
    CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id, created_at);

    CREATE TABLE device_credentials (
      id          TEXT PRIMARY KEY NOT NULL,
      user_id     TEXT NOT NULL,
      client_id   TEXT NOT NULL,
      device_id   TEXT NOT NULL,
      device_name TEXT NOT NULL,
      type        TEXT NOT NULL,
      public_jwk  TEXT NOT NULL,
      alg         TEXT NOT NULL,
      created_at  INTEGER NOT NULL,
      UNIQUE (user_id, client_id, device_id)
    );

    CREATE TABLE used_assertions (
      key        TEXT PRIMARY KEY NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX used_assertions_expiry ON used_assertions (expires_at);
  `,
};
