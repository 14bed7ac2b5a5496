import type { Migration } from './migration.js';

/**
 * Indexes for the hourly sweep (`pruneExpired`): refresh tokens are deleted by expiry or
 * revocation time, so the sweep reads only what it deletes instead of the whole table while it
 * holds the write lock. Partial: most tokens carry neither time.
 */
export const pruneIndexesMigration: Migration = {
  version: 5,
  name: 'prune indexes',
  sql: `
    CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX refresh_tokens_revoked_at ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
  `,
};
