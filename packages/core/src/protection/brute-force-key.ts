import { normalizeIdentifier } from '../validation/normalize-identifier.js';

/** What a brute-force counter key names: one identifier trying from one IP on one connection. */
export interface BruteForceKeyParts {
  readonly connection: string;
  /** Normalised (see `normalizeIdentifier`). */
  readonly identifier: string;
  readonly ip: string;
}

const PREFIX = 'bf:';

// Each component is percent-encoded, so none holds a ':' (IPv6 addresses and usernames may) and
// the key splits back into exactly its parts.
const enc = encodeURIComponent;

/**
 * The counter key of one identifier trying from one IP on one connection:
 * `bf:<connection>:<identifier>:<ip>`, each part percent-encoded (the identifier normalised first).
 *
 * @example bruteForceKey('db', 'A@x.io', '::1'); // 'bf:db:a%40x.io:%3A%3A1'
 */
export function bruteForceKey(connection: string, identifier: string, ip: string): string {
  return `${PREFIX}${enc(connection)}:${enc(normalizeIdentifier(identifier))}:${enc(ip)}`;
}

/**
 * The key prefix that every brute-force key of a connection (and identifier) starts with, for
 * `CounterStore.list`; no argument: every brute-force key.
 *
 * @example bruteForceKeyPrefix('db', 'a@x.io'); // 'bf:db:a%40x.io:'
 */
export function bruteForceKeyPrefix(connection?: string, identifier?: string): string {
  if (connection === undefined) return PREFIX;
  if (identifier === undefined) return `${PREFIX}${enc(connection)}:`;
  return `${PREFIX}${enc(connection)}:${enc(normalizeIdentifier(identifier))}:`;
}

/**
 * Reads a key made by {@link bruteForceKey} back into its parts; undefined for any other key.
 *
 * @example parseBruteForceKey('bf:db:a%40x.io:%3A%3A1'); // { connection: 'db', identifier: 'a@x.io', ip: '::1' }
 */
export function parseBruteForceKey(key: string): BruteForceKeyParts | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const parts = key.slice(PREFIX.length).split(':');
  if (parts.length !== 3) return undefined;
  try {
    const [connection, identifier, ip] = parts.map((p) => decodeURIComponent(p)) as [string, string, string];
    return { connection, identifier, ip };
  } catch {
    return undefined;
  }
}
