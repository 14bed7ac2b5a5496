import type { Migration } from './migration.js';

/**
 * Signing keys. Times are epoch milliseconds. The partial unique index allows one unretired key
 * per algorithm, so even a bug elsewhere cannot leave two active signers.
 */
export const signingKeysMigration: Migration = {
  version: 2,
  name: 'signing keys',
  sql: `
    CREATE TABLE signing_keys (
      kid         TEXT PRIMARY KEY NOT NULL,
      alg         TEXT NOT NULL,
      private_jwk TEXT NOT NULL,
      public_jwk  TEXT NOT NULL,
      created_at  INTEGER NOT NULL,
      retired_at  INTEGER
    );
    CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (alg) WHERE retired_at IS NULL;
  `,
};
