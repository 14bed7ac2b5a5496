import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import { listBruteForceBlocks } from './list-brute-force-blocks.js';
import type { AdminConfig, AdminDeps, BruteForceBlock } from './types.js';
import { userIdentifiers } from './user-identifiers.js';

/**
 * The brute-force blocks of a user: those of each of its identifiers (email, username, phone
 * number) on its own connection. `user_not_found` when there is no such user.
 *
 * @example
 * const blocks = await listUserBlocks(deps, config, 'auth0|5f8a…');
 * if (blocks.ok) for (const b of blocks.value) console.log(b.identifier, b.ip);
 */
export async function listUserBlocks(
  deps: Pick<AdminDeps, 'users' | 'counters' | 'clock'>,
  config: AdminConfig,
  user_id: string,
): Promise<Result<BruteForceBlock[], OAuthError>> {
  const user = await deps.users.findById(user_id);
  if (!user) return err(oauthError('user_not_found'));
  const blocks = new Map<string, BruteForceBlock>();
  for (const identifier of new Set(userIdentifiers(user))) {
    // Each identifier also finds the user's own count (kept under its first identifier): once is enough.
    for (const block of await listBruteForceBlocks(deps, config, { identifier, connection: user.connection })) {
      blocks.set([block.connection, block.identifier, block.ip].join('\u0000'), block);
    }
  }
  return ok([...blocks.values()]);
}
