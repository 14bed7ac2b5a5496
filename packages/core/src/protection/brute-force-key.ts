import { normalizeIdentifier } from '../validation/normalize-identifier.js';
import { ipGroup } from './ip-group.js';

/** What a brute-force counter key names: one identifier trying from one IP on one connection. */
export interface BruteForceKeyParts {
  readonly connection: string;
  /** Normalised (see `normalizeIdentifier`). */
  readonly identifier: string;
  /** The network counted (see `ipGroup`): an IPv4 address, `loopback` or an IPv6 /64. */
  readonly ip: string;
}

const PREFIX = 'bf:';

// Only '%' and ':' are percent-encoded, so that no part holds a ':' (IPv6 networks and usernames
// may) and the key splits back into exactly its parts, without growing the text (full
// percent-encoding made a non-ASCII identifier up to nine times longer in the store).
const enc = (part: string) => part.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));

/**
 * The counter key of one user (or unknown identifier) trying from one network (see `ipGroup`) on
 * one connection: `bf:<connection>:<identifier>:<ip network>`, `%` and `:` percent-encoded, the
 * identifier normalised. Its length is bounded: identifiers are refused beyond 254 characters
 * after normalisation (`checkIdentifier`).
 *
 * @example bruteForceKey('db', 'A@x.io', '::ffff:192.0.2.1'); // 'bf:db:a@x.io:192.0.2.1'
 */
export function bruteForceKey(connection: string, identifier: string, ip: string): string {
  return `${PREFIX}${enc(connection)}:${enc(normalizeIdentifier(identifier))}:${enc(ipGroup(ip))}`;
}

/**
 * The key prefix that every brute-force key of a connection (and identifier) starts with, for
 * `CounterStore.list`; no argument: every brute-force key.
 *
 * @example bruteForceKeyPrefix('db', 'a@x.io'); // 'bf:db:a@x.io:'
 */
export function bruteForceKeyPrefix(connection?: string, identifier?: string): string {
  if (connection === undefined) return PREFIX;
  if (identifier === undefined) return `${PREFIX}${enc(connection)}:`;
  return `${PREFIX}${enc(connection)}:${enc(normalizeIdentifier(identifier))}:`;
}

/**
 * Reads a key made by {@link bruteForceKey} back into its parts; undefined for any other key.
 *
 * @example parseBruteForceKey('bf:db:a@x.io:2001%3Adb8%3A0%3A0%3A%3A/64'); // { connection: 'db', identifier: 'a@x.io', ip: '2001:db8:0:0::/64' }
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
