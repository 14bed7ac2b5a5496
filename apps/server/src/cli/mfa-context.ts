import { createOAuthRo } from '@oauth-ro/core';
import { type UserRecord } from '@oauth-ro/core/ports';
import { type MfaAdministration } from '@oauth-ro/core/internal';
import type { AdminContext } from './admin-context.js';
import type { CliIo } from './cli-io.js';
import type { CommandArgs } from './command.js';
import { withNamedUser } from './resolve-user.js';
import { CommandError } from './usage-error.js';

/**
 * Runs `task` on the user a `users mfa …` command names, with the MFA enrolment of an oauth-ro
 * built on the server's own stores, configuration and key-encryption key (so a key sealed here is
 * one the server opens). Fails when the database keeps no enrolments, and with `sealing` (a
 * command that makes a key) when no key-encryption key is set, before anything is opened or made.
 *
 * @example return withUserMfa(args, io, async (context, user, mfa) => { io.out(String((await mfa.list(user.user_id)).length)); return EXIT.ok; });
 */
export function withUserMfa<T>(
  args: CommandArgs,
  io: CliIo,
  task: (context: AdminContext, user: UserRecord, mfa: MfaAdministration) => Promise<T>,
  options: { readonly sealing?: boolean } = {},
): Promise<T> {
  return withNamedUser(args, io, async (context, user) => {
    if (!context.stores.mfaEnrollments) throw new CommandError('this database keeps no MFA enrolments');
    if (options.sealing === true && context.env.keyEncryptionKey === undefined) {
      throw new CommandError('OAUTH_RO_KEY_ENCRYPTION_KEY is not set: the server could not read a key sealed by this command');
    }
    const oauthRo = await createOAuthRo({
      config: context.config,
      deps: { ...context.stores, hasher: context.hasher, clock: context.clock, random: context.random, logger: context.logger },
      ...(context.env.keyEncryptionKey === undefined ? {} : { keyEncryptionKey: context.env.keyEncryptionKey }),
    });
    try {
      if (!oauthRo.mfa) throw new CommandError('this database keeps no MFA enrolments');
      return await task(context, user, oauthRo.mfa);
    } finally {
      await oauthRo.close();
    }
  });
}
