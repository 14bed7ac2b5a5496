import type { Migration } from './migration.js';

/**
 * The bcrypt hashes each connection still holds, by cost, for `legacyHashes` (asked on every
 * database login): a partial index holding only bcrypt rows, which shrinks as users log in and get
 * argon2id.
 */
export const legacyHashIndexMigration: Migration = {
  version: 8,
  name: 'legacy password hash index',
  sql: `
    CREATE INDEX users_bcrypt_cost ON users (connection, substr(password_hash, 5, 2)) WHERE password_hash GLOB '$2[aby]$*';
  `,
};
