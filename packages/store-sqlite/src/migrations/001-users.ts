import type { Migration } from './migration.js';

/**
 * Users. Login keys are unique per connection where present (SQLite treats NULLs as distinct, the
 * `WHERE` says so explicitly). Timestamps are the ISO-8601 text the port carries, so they
 * round-trip exactly; `profile` is JSON text.
 */
export const usersMigration: Migration = {
  version: 1,
  name: 'users',
  sql: `
    CREATE TABLE users (
      user_id       TEXT PRIMARY KEY NOT NULL,
      connection    TEXT NOT NULL,
      strategy      TEXT NOT NULL,
      email         TEXT,
      username      TEXT,
      phone_number  TEXT,
      password_hash TEXT,
      blocked       INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
      profile       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(profile)),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    );
    CREATE UNIQUE INDEX users_connection_email ON users (connection, email) WHERE email IS NOT NULL;
    CREATE UNIQUE INDEX users_connection_username ON users (connection, username) WHERE username IS NOT NULL;
    CREATE UNIQUE INDEX users_connection_phone_number ON users (connection, phone_number) WHERE phone_number IS NOT NULL;
  `,
};
