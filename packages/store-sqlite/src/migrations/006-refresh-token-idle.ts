import type { Migration } from './migration.js';

/**
 * The idle deadline of a refresh token (`idle_token_lifetime`), moved by every accepted use.
 * Tokens stored before it get NULL: no idle limit, as they were issued. Partial index for the
 * hourly sweep, like the other expiry times.
 */
export const refreshTokenIdleMigration: Migration = {
  version: 6,
  name: 'refresh token idle expiry',
  sql: `
    ALTER TABLE refresh_tokens ADD COLUMN idle_expires_at INTEGER;
    CREATE INDEX refresh_tokens_idle_expires_at ON refresh_tokens (idle_expires_at) WHERE idle_expires_at IS NOT NULL;
  `,
};
