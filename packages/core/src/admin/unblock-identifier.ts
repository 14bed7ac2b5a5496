import { emitAudit } from '../audit/emit-audit.js';
import { bruteForceKeyPrefix, parseBruteForceKey } from '../protection/brute-force-key.js';
import { bruteForceSettings } from '../protection/brute-force-settings.js';
import { identifierSubjects } from './identifier-subjects.js';
import type { AdminConfig, AdminDeps, BruteForceBlock } from './types.js';

/** Options of {@link unblockIdentifier}. */
export interface UnblockOptions {
  /** Only this connection (default: every configured connection). */
  readonly connection?: string;
  /** The user the identifier belongs to, for the audit event. */
  readonly user_id?: string;
  /** Why, for the audit event: an administrator (default) or a password change. */
  readonly reason?: 'admin' | 'password_change';
}

/**
 * Clears every brute-force count of an identifier (from every IP) and returns the blocks that this
 * released (counts that had reached the limit); each released block emits a `ublkdu` audit event.
 * Counts below the limit are cleared too, so the user starts afresh. Without a counter store,
 * there is nothing to clear. With a user store, an identifier also releases the blocks of the user
 * that has it (counted under the user's first identifier, whichever one was typed).
 *
 * @example
 * const released = await unblockIdentifier(deps, config, 'alice@example.com');
 * console.log(`${released.length} block(s) released`);
 */
export async function unblockIdentifier(
  deps: Pick<AdminDeps, 'counters' | 'clock' | 'audit'> & { readonly users?: AdminDeps['users'] },
  config: AdminConfig,
  identifier: string,
  options: UnblockOptions = {},
): Promise<BruteForceBlock[]> {
  const counters = deps.counters;
  if (!counters) return [];
  const at = deps.clock.now();
  const released: BruteForceBlock[] = [];
  for (const connection of config.connections) {
    if (options.connection !== undefined && options.connection !== connection.name) continue;
    const settings = bruteForceSettings(connection);
    const entries = [];
    for (const subject of await identifierSubjects(deps.users, connection, identifier)) {
      entries.push(...(await counters.list(bruteForceKeyPrefix(connection.name, subject), at)));
    }
    for (const entry of entries) {
      const parts = parseBruteForceKey(entry.key);
      if (!parts || !(await counters.reset(entry.key))) continue;
      if (!settings.enabled || entry.count < settings.limit) continue;
      released.push({ ...parts, count: entry.count, resets_at: entry.resets_at });
      emitAudit(deps, {
        type: 'ublkdu',
        description: options.reason === 'password_change' ? 'brute-force block released by a password change' : 'brute-force block released by an administrator',
        connection: parts.connection,
        user_name: parts.identifier,
        ip: parts.ip,
        ...(options.user_id === undefined ? {} : { user_id: options.user_id }),
        details: { reason: options.reason ?? 'admin' },
      });
    }
  }
  return released;
}
