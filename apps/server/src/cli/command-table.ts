import type { CliCommand } from './command.js';
import { blocksList } from './commands/blocks-list.js';
import { blocksRelease } from './commands/blocks-release.js';
import { configValidate } from './commands/config-validate.js';
import { convert } from './commands/convert.js';
import { keysList } from './commands/keys-list.js';
import { keysRotate } from './commands/keys-rotate.js';
import { maintenancePrune } from './commands/maintenance-prune.js';
import { migrateStatus } from './commands/migrate-status.js';
import { migrateUp } from './commands/migrate-up.js';
import { usersBlock } from './commands/users-block.js';
import { usersCreate } from './commands/users-create.js';
import { usersDelete } from './commands/users-delete.js';
import { usersImport } from './commands/users-import.js';
import { usersExport } from './commands/users-export.js';
import { usersList } from './commands/users-list.js';
import { usersSetPassword } from './commands/users-set-password.js';
import { usersUnblock } from './commands/users-unblock.js';
import { usersVerifyEmail } from './commands/users-verify-email.js';
import { ticketsPasswordChange } from './commands/tickets-password-change.js';
import { usersMfaEnroll } from './commands/users-mfa-enroll.js';
import { usersMfaList } from './commands/users-mfa-list.js';
import { usersMfaReset } from './commands/users-mfa-reset.js';

/** Every CLI command, in the order `oauth-ro --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  usersCreate,
  usersList,
  usersExport,
  usersBlock,
  usersUnblock,
  usersDelete,
  usersSetPassword,
  usersVerifyEmail,
  usersImport,
  usersMfaEnroll,
  usersMfaList,
  usersMfaReset,
  blocksList,
  blocksRelease,
  ticketsPasswordChange,
  keysList,
  keysRotate,
  maintenancePrune,
  migrateUp,
  migrateStatus,
  configValidate,
  convert,
];
