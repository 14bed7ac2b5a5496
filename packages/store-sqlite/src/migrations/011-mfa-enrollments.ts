import type { Migration } from './migration.js';

/**
 * MFA (TOTP) enrolments: the secret only sealed by core, the recovery code only as its SHA-256;
 * times epoch milliseconds. At most one pending and one confirmed enrolment per user (partial unique
 * indexes, so a racing second write fails rather than leaving two).
 */
export const mfaEnrollmentsMigration: Migration = {
  version: 11,
  name: 'mfa enrollments',
  sql: `
    CREATE TABLE mfa_enrollments (
      id                 TEXT PRIMARY KEY,
      user_id            TEXT NOT NULL,
      type               TEXT NOT NULL,
      status             TEXT NOT NULL,
      sealed_secret      TEXT NOT NULL,
      recovery_code_hash TEXT,
      name               TEXT,
      created_at         INTEGER NOT NULL,
      confirmed_at       INTEGER,
      last_auth_at       INTEGER
    );
    CREATE UNIQUE INDEX mfa_enrollments_one_per_status ON mfa_enrollments (user_id, status);
    CREATE INDEX mfa_enrollments_pending_created ON mfa_enrollments (created_at) WHERE status = 'pending';
  `,
};
