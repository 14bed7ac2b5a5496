import type { Migration } from './migration.js';

/**
 * Every migration, oldest first. Changes are additive (new tables, columns, indexes), so an instance
 * of the previous release keeps working while a rolling upgrade migrates under it.
 *
 * Timestamps the ports carry as ISO-8601 strings are stored as that text, so they round-trip
 * exactly; those carried as epoch milliseconds are `bigint`.
 *
 * @example for (const m of MIGRATIONS) console.log(m.version, m.name);
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users',
    sql: `
      CREATE TABLE users (
        user_id       text PRIMARY KEY,
        connection    text NOT NULL,
        strategy      text NOT NULL,
        email         text,
        username      text,
        phone_number  text,
        password_hash text,
        blocked       boolean NOT NULL DEFAULT false,
        profile       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at    text NOT NULL,
        updated_at    text NOT NULL
      );
      CREATE UNIQUE INDEX users_connection_email ON users (connection, email) WHERE email IS NOT NULL;
      CREATE UNIQUE INDEX users_connection_username ON users (connection, username) WHERE username IS NOT NULL;
      CREATE UNIQUE INDEX users_connection_phone_number ON users (connection, phone_number) WHERE phone_number IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'signing keys',
    sql: `
      CREATE TABLE signing_keys (
        seq         bigserial,
        kid         text PRIMARY KEY,
        alg         text NOT NULL,
        private_jwk text NOT NULL,
        public_jwk  text NOT NULL,
        created_at  bigint NOT NULL,
        retired_at  bigint
      );
      -- At most one active (unretired) key per algorithm, whatever number of instances race to create it.
      CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (alg) WHERE retired_at IS NULL;
    `,
  },
  {
    version: 3,
    name: 'refresh tokens',
    sql: `
      CREATE TABLE refresh_tokens (
        seq          bigserial,
        id           text PRIMARY KEY,
        token_hash   text NOT NULL UNIQUE,
        family_id    text NOT NULL,
        user_id      text NOT NULL,
        client_id    text NOT NULL,
        device       text NOT NULL,
        scope        text NOT NULL,
        rotating     boolean NOT NULL,
        created_at   bigint NOT NULL,
        expires_at   bigint,
        last_used_at bigint,
        rotated_at   bigint,
        revoked_at   bigint
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id, created_at, seq);
    `,
  },
  {
    version: 4,
    name: 'device credentials',
    sql: `
      CREATE TABLE device_credentials (
        seq         bigserial,
        id          text PRIMARY KEY,
        user_id     text NOT NULL,
        client_id   text NOT NULL,
        device_id   text NOT NULL,
        device_name text NOT NULL,
        type        text NOT NULL,
        public_jwk  text NOT NULL,
        alg         text NOT NULL,
        created_at  bigint NOT NULL,
        UNIQUE (user_id, client_id, device_id)
      );
    `,
  },
  {
    version: 5,
    name: 'used assertions',
    sql: `
      CREATE TABLE used_assertions (
        key        text PRIMARY KEY,
        expires_at bigint NOT NULL
      );
      CREATE INDEX used_assertions_expiry ON used_assertions (expires_at);
    `,
  },
  {
    version: 6,
    name: 'passwordless codes',
    sql: `
      CREATE TABLE passwordless_codes (
        connection   text NOT NULL,
        recipient    text NOT NULL,
        code_hash    text NOT NULL,
        expires_at   bigint NOT NULL,
        max_attempts integer NOT NULL,
        attempts     integer NOT NULL DEFAULT 0,
        PRIMARY KEY (connection, recipient)
      );
      CREATE INDEX passwordless_codes_expiry ON passwordless_codes (expires_at);
    `,
  },
  {
    version: 7,
    name: 'counters',
    sql: `
      CREATE TABLE counters (
        key       text PRIMARY KEY,
        count     integer NOT NULL,
        resets_at bigint NOT NULL
      );
      CREATE INDEX counters_resets_at ON counters (resets_at);
    `,
  },
  {
    version: 8,
    name: 'prune indexes',
    // The hourly sweep (pruneExpired) deletes refresh tokens by expiry or revocation time; partial
    // indexes let it read only those rows. Built without CONCURRENTLY (migrations run in a
    // transaction): writes to refresh_tokens wait for the build, seconds for millions of rows.
    sql: `
      CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX refresh_tokens_revoked_at ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
    `,
  },
  {
    version: 9,
    name: 'refresh token idle expiry',
    // Moved by every accepted use; rows stored before get NULL (no idle limit, as they were issued).
    // Adding a nullable column without default is a catalog change only, no table rewrite.
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN idle_expires_at bigint;
      CREATE INDEX refresh_tokens_idle_expires_at ON refresh_tokens (idle_expires_at) WHERE idle_expires_at IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: 'account tickets and password history',
    // Tickets by SHA-256 only; redeemed with one DELETE … RETURNING. History newest by seq.
    sql: `
      CREATE TABLE tickets (
        kind          text NOT NULL,
        ticket_hash   text NOT NULL,
        user_id       text NOT NULL,
        client_id     text,
        result_url    text,
        password_hash text,
        created_at    bigint NOT NULL,
        expires_at    bigint NOT NULL,
        PRIMARY KEY (kind, ticket_hash)
      );
      CREATE INDEX tickets_expires_at ON tickets (expires_at);
      CREATE TABLE password_history (
        seq           bigserial PRIMARY KEY,
        user_id       text NOT NULL,
        password_hash text NOT NULL,
        created_at    bigint NOT NULL
      );
      CREATE INDEX password_history_user ON password_history (user_id, seq);
    `,
  },
];
