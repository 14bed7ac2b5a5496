import { usersMigration } from './001-users.js';
import { signingKeysMigration } from './002-signing-keys.js';
import { tokenLifecycleMigration } from './003-token-lifecycle.js';
import { passwordlessMigration } from './004-passwordless.js';
import { pruneIndexesMigration } from './005-prune-indexes.js';
import { refreshTokenIdleMigration } from './006-refresh-token-idle.js';
import { counterSlotsMigration } from './007-counter-slots.js';
import { legacyHashIndexMigration } from './008-legacy-hash-index.js';
import { identifierSkeletonsMigration } from './009-identifier-skeletons.js';
import { accountsMigration } from './010-accounts.js';
import { mfaEnrollmentsMigration } from './011-mfa-enrollments.js';
import { refreshTokenAudienceMigration } from './012-refresh-token-audience.js';
import type { Migration } from './migration.js';

/**
 * Every migration, oldest first.
 *
 * @example for (const m of MIGRATIONS) console.log(m.version, m.name);
 */
export const MIGRATIONS: readonly Migration[] = [
  usersMigration,
  signingKeysMigration,
  tokenLifecycleMigration,
  passwordlessMigration,
  pruneIndexesMigration,
  refreshTokenIdleMigration,
  counterSlotsMigration,
  legacyHashIndexMigration,
  identifierSkeletonsMigration,
  accountsMigration,
  mfaEnrollmentsMigration,
  refreshTokenAudienceMigration,
];
