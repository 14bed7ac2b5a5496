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
    name: 'counter slots',
    // Attempts in flight per counter (brute-force and per-IP limits), one row per slot with its
    // lease end, so that failures plus attempts in flight never exceed a limit across instances.
    sql: `
      CREATE TABLE counter_slots (
        key        text NOT NULL,
        slot       text NOT NULL,
        expires_at bigint NOT NULL,
        PRIMARY KEY (key, slot)
      );
      CREATE INDEX counter_slots_expires_at ON counter_slots (expires_at);

      -- One round trip each, the key's advisory lock held for the statement only: a slot request
      -- never holds a pooled connection for longer than the lock wait.
      CREATE FUNCTION oauth_ro_acquire_slot(p_key text, p_slot text, p_limit integer, p_lease bigint, p_at bigint)
      RETURNS TABLE (slot_outcome text, blocked_until bigint) LANGUAGE plpgsql AS $$
      DECLARE
        live_count integer;
        live_resets bigint;
        in_flight integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('oauth-ro:counter:' || p_key, 0));
        SELECT c.count, c.resets_at INTO live_count, live_resets FROM counters c WHERE c.key = p_key AND c.resets_at > p_at;
        IF live_count IS NOT NULL AND live_count >= p_limit THEN
          RETURN QUERY SELECT 'blocked'::text, live_resets;
          RETURN;
        END IF;
        DELETE FROM counter_slots s WHERE s.key = p_key AND s.expires_at <= p_at;
        SELECT count(*) INTO in_flight FROM counter_slots s WHERE s.key = p_key;
        IF coalesce(live_count, 0) + in_flight >= p_limit THEN
          RETURN QUERY SELECT 'busy'::text, NULL::bigint;
          RETURN;
        END IF;
        INSERT INTO counter_slots AS s (key, slot, expires_at) VALUES (p_key, p_slot, p_at + p_lease)
          ON CONFLICT (key, slot) DO UPDATE SET expires_at = EXCLUDED.expires_at;
        RETURN QUERY SELECT 'granted'::text, NULL::bigint;
      END $$;

      CREATE FUNCTION oauth_ro_settle_slot(p_key text, p_slot text, p_outcome text, p_window bigint, p_at bigint)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('oauth-ro:counter:' || p_key, 0));
        DELETE FROM counter_slots s WHERE s.key = p_key AND s.slot = p_slot;
        IF p_outcome = 'failure' THEN
          INSERT INTO counters AS c (key, count, resets_at) VALUES (p_key, 1, p_at + p_window)
            ON CONFLICT (key) DO UPDATE SET
              count = CASE WHEN c.resets_at <= p_at THEN 1 ELSE c.count + 1 END,
              resets_at = CASE WHEN c.resets_at <= p_at THEN p_at + p_window ELSE c.resets_at END;
        ELSIF p_outcome = 'success' THEN
          DELETE FROM counters c WHERE c.key = p_key;
        END IF;
      END $$;
    `,
  },
  {
    version: 11,
    name: 'legacy password hash index',
    // The bcrypt hashes each connection still holds, by cost, for legacyHashes (asked on every
    // database login): a partial index of bcrypt rows only, shrinking as users get argon2id.
    sql: `
      CREATE INDEX users_bcrypt_cost ON users (connection, (substr(password_hash, 5, 2))) WHERE password_hash ~ '^\\$2[aby]\\$';
    `,
  },
  {
    version: 12,
    name: 'identifier skeletons',
    // The confusable skeletons (Unicode TS #39) of database users' emails and usernames, unique per
    // connection, so that a look-alike of an existing identifier cannot sign up. SQL cannot compute
    // them: runMigrations fills rows stored before (backfillSkeletons) through the pending index.
    sql: `
      ALTER TABLE users ADD COLUMN email_skeleton text, ADD COLUMN username_skeleton text;
      CREATE UNIQUE INDEX users_connection_email_skeleton ON users (connection, email_skeleton) WHERE email_skeleton IS NOT NULL;
      CREATE UNIQUE INDEX users_connection_username_skeleton ON users (connection, username_skeleton) WHERE username_skeleton IS NOT NULL;
      CREATE INDEX users_skeleton_pending ON users (user_id)
        WHERE strategy = 'auth0' AND ((email IS NOT NULL AND email_skeleton IS NULL) OR (username IS NOT NULL AND username_skeleton IS NULL));
    `,
  },
  {
    version: 13,
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
  {
    version: 14,
    name: 'mfa enrollments',
    // TOTP enrolments: the secret only sealed by core, the recovery code only as its SHA-256. At
    // most one pending and one confirmed per user (partial unique indexes; put is an upsert on the first).
    sql: `
      CREATE TABLE mfa_enrollments (
        id                 text PRIMARY KEY,
        user_id            text NOT NULL,
        type               text NOT NULL,
        status             text NOT NULL,
        sealed_secret      text NOT NULL,
        recovery_code_hash text,
        name               text,
        created_at         bigint NOT NULL,
        confirmed_at       bigint,
        last_auth_at       bigint
      );
      CREATE UNIQUE INDEX mfa_enrollments_pending_user ON mfa_enrollments (user_id) WHERE status = 'pending';
      CREATE UNIQUE INDEX mfa_enrollments_confirmed_user ON mfa_enrollments (user_id) WHERE status = 'confirmed';
      CREATE INDEX mfa_enrollments_pending_created ON mfa_enrollments (created_at) WHERE status = 'pending';
    `,
  },
  {
    version: 15,
    name: 'refresh token audience',
    // The API a refresh token was issued for; NULL (older tokens) is the userinfo audience.
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN audience text;
    `,
  },
];
