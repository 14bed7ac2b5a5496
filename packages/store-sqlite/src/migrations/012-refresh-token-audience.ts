import type { Migration } from './migration.js';

/**
 * The API a refresh token was issued for (`audience` at `/oauth/token`): a refresh mints the access
 * token for it again. Tokens stored before it get NULL: the userinfo audience, as they were issued.
 */
export const refreshTokenAudienceMigration: Migration = {
  version: 12,
  name: 'refresh token audience',
  sql: `
    ALTER TABLE refresh_tokens ADD COLUMN audience TEXT;
  `,
};
