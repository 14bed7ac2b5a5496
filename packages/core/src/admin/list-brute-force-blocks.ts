import { bruteForceKeyPrefix, parseBruteForceKey } from '../protection/brute-force-key.js';
import { bruteForceSettings } from '../protection/brute-force-settings.js';
import { identifierSubjects } from './identifier-subjects.js';
import type { AdminConfig, AdminDeps, BruteForceBlock } from './types.js';

/** Which blocks to list: all, those of one identifier, and/or one connection. */
export interface BlockFilter {
  /** Email, username or phone number, normalised before matching (as logins are counted). */
  readonly identifier?: string;
  readonly connection?: string;
}

/**
 * The live brute-force blocks: counters of a connection with protection on whose count reached
 * the connection's limit (the next attempt gets 429). Sorted by connection, identifier, IP.
 * Without a counter store there are none. With a user store, an identifier also finds the blocks
 * of the user that has it (counted under the user's first identifier, whichever one was typed). At most `COUNTER_LIST_LIMIT` counters are read per
 * connection (or in all, without an identifier).
 *
 * @example
 * const blocks = await listBruteForceBlocks(deps, config, { identifier: 'alice@example.com' });
 * // [{ connection: 'Username-Password-Authentication', identifier: 'alice@example.com', ip: '203.0.113.9', count: 10, resets_at: 1767225600000 }]
 */
export async function listBruteForceBlocks(
  deps: Pick<AdminDeps, 'counters' | 'clock'> & { readonly users?: AdminDeps['users'] },
  config: AdminConfig,
  filter: BlockFilter = {},
): Promise<BruteForceBlock[]> {
  const counters = deps.counters;
  if (!counters) return [];
  const limits = new Map<string, number>();
  for (const connection of config.connections) {
    const settings = bruteForceSettings(connection);
    if (settings.enabled && (filter.connection === undefined || filter.connection === connection.name)) {
      limits.set(connection.name, settings.limit);
    }
  }
  const at = deps.clock.now();
  const prefixes: string[] = [];
  if (filter.identifier === undefined && filter.connection === undefined) prefixes.push(bruteForceKeyPrefix());
  else {
    for (const connection of config.connections) {
      if (!limits.has(connection.name)) continue;
      if (filter.identifier === undefined) prefixes.push(bruteForceKeyPrefix(connection.name));
      else for (const subject of await identifierSubjects(deps.users, connection, filter.identifier)) prefixes.push(bruteForceKeyPrefix(connection.name, subject));
    }
  }
  const blocks: BruteForceBlock[] = [];
  for (const prefix of prefixes) {
    for (const entry of await counters.list(prefix, at)) {
      const parts = parseBruteForceKey(entry.key);
      const limit = parts && limits.get(parts.connection);
      if (!parts || limit === undefined || entry.count < limit || entry.resets_at <= at) continue;
      blocks.push({ ...parts, count: entry.count, resets_at: entry.resets_at });
    }
  }
  const order = (b: BruteForceBlock) => [b.connection, b.identifier, b.ip].join('\u0000');
  return blocks.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
