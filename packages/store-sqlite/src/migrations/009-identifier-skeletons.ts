import type { Migration } from './migration.js';

/**
 * The confusable skeletons (Unicode TS #39) of database users' emails and usernames, unique per
 * connection, so that a look-alike of an existing identifier (`аlice` with a Cyrillic а) cannot sign
 * up. SQL cannot compute them: the store fills rows stored before on open (see
 * `backfillSkeletons`), through the pending index, which is empty once done.
 */
export const identifierSkeletonsMigration: Migration = {
  version: 9,
  name: 'identifier skeletons',
  sql: `
    ALTER TABLE users ADD COLUMN email_skeleton TEXT;
    ALTER TABLE users ADD COLUMN username_skeleton TEXT;
    CREATE UNIQUE INDEX users_connection_email_skeleton ON users (connection, email_skeleton) WHERE email_skeleton IS NOT NULL;
    CREATE UNIQUE INDEX users_connection_username_skeleton ON users (connection, username_skeleton) WHERE username_skeleton IS NOT NULL;
    CREATE INDEX users_skeleton_pending ON users (user_id)
      WHERE strategy = 'auth0' AND ((email IS NOT NULL AND email_skeleton IS NULL) OR (username IS NOT NULL AND username_skeleton IS NULL));
  `,
};
