import { MIN_ADMIN_TOKEN_LENGTH } from '@oauth-ro/core/admin';
import type { GeolocOptions } from '@oauth-ro/core';
import { parseKeyEncryptionKey } from '@oauth-ro/core/internal';
import { StartupError } from '../config/startup-error.js';
import { readGeoloc } from './read-geoloc.js';

/**
 * Where users and keys are kept, from `OAUTH_RO_DATABASE`: which store package opens it. The package
 * reads the rest of the URL itself (`?schema=` for PostgreSQL, the path for SQLite).
 */
export interface DatabaseLocation {
  readonly kind: 'sqlite' | 'postgres';
  readonly url: string;
}

/** The server's environment (docs/spec.md §1), validated. */
export interface ServerEnvironment {
  readonly port: number;
  readonly host: string;
  /** `OAUTH_RO_CONFIG`; undefined means zero-config mode. */
  readonly configFile?: string;
  readonly database: DatabaseLocation;
  readonly redis?: string;
  /** `OAUTH_RO_ISSUER`, with a trailing slash. */
  readonly issuer?: string;
  /** `OAUTH_RO_LOG_LEVEL` (pino levels), default `info`. */
  readonly logLevel: string;
  /** `OAUTH_RO_TRUST_PROXY`, passed to Fastify's `trustProxy`; off by default. */
  readonly trustProxy: boolean | number | string;
  /** `OAUTH_RO_KEY_ENCRYPTION_KEY`: 32 bytes that seal private signing keys at rest. */
  readonly keyEncryptionKey?: Uint8Array;
  /** `OAUTH_RO_CODE_HASH_KEY`: 32 bytes that key the hashes of passwordless codes. */
  readonly codeHashKey?: Uint8Array;
  /** `OAUTH_RO_ADMIN_TOKEN`: turns on the admin API (`/api/v2/user-blocks`, `/api/v2/users/{id}`), its bearer token. */
  readonly adminToken?: string;
  /** `OAUTH_RO_HASH_QUEUE`: logins that may wait for a hashing slot; beyond, 503 with Retry-After. */
  readonly hashQueue?: number;
  /** `OAUTH_RO_HASH_LIFO_MS`: once the oldest waiting login waited this long, the newest is hashed first. */
  readonly hashLifoMs?: number;
  /** `OAUTH_RO_HASH_SHED_MS`: a new login sheds a waiting one older than this (503 with Retry-After). */
  readonly hashShedMs?: number;
  /** `OAUTH_RO_PRUNE_INTERVAL_SECONDS`: seconds between sweeps of expired records, 0 for none (default 3600). */
  readonly pruneIntervalSeconds: number;
  /** `OAUTH_RO_GEOLOC_COUNTRY` / `OAUTH_RO_GEOLOC_HEADER`: how `/user/geoloc/country` answers. */
  readonly geoloc?: GeolocOptions;
}

export const DEFAULT_DATABASE = 'sqlite:./data/oauth-ro.db';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readPort(value: string | undefined): number {
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new StartupError(`PORT: must be a port number from 0 to 65535, got ${JSON.stringify(value)}`);
  }
  return port;
}

/**
 * `postgres://…` for PostgreSQL; `sqlite:<path>` (or a bare path) for the embedded store. Another
 * URL scheme is refused here, naming the scheme only.
 *
 * @example readDatabase('sqlite:./data/oauth-ro.db'); // { kind: 'sqlite', url: 'sqlite:./data/oauth-ro.db' }
 */
function readDatabase(value: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme !== undefined && !/^sqlite$/i.test(scheme)) {
    // Never echo the URL: it may carry a password.
    throw new StartupError(`OAUTH_RO_DATABASE: unsupported scheme "${scheme}"; use sqlite:<path> or a postgres:// URL`);
  }
  return { kind: 'sqlite', url: value };
}

function readIssuer(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(`OAUTH_RO_ISSUER: must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new StartupError(`OAUTH_RO_ISSUER: must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value.endsWith('/') ? value : `${value}/`;
}

function readTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function readRedis(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^rediss?:\/\//i.test(value)) throw new StartupError('OAUTH_RO_REDIS: must be a redis:// or rediss:// URL');
  return value;
}

function readHashMs(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 600_000) {
    throw new StartupError(`${name}: must be a whole number of milliseconds from 0 to 600000, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function readHashQueue(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 1_000_000) {
    throw new StartupError(`OAUTH_RO_HASH_QUEUE: must be a whole number from 0 to 1000000, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** Longest prune interval: a week, well inside what one `setTimeout` can wait. */
const MAX_PRUNE_INTERVAL_S = 604_800;

function readPruneInterval(value: string | undefined): number {
  if (value === undefined) return 3600;
  if (!/^\d+$/.test(value) || Number(value) > MAX_PRUNE_INTERVAL_S) {
    throw new StartupError(`OAUTH_RO_PRUNE_INTERVAL_SECONDS: must be a whole number of seconds from 0 (off) to ${MAX_PRUNE_INTERVAL_S}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** A 32-byte secret from the environment; a bad one names the variable, never its value. */
function readSecretKey(name: string, value: string | undefined): Uint8Array | undefined {
  if (value === undefined) return undefined;
  try {
    return parseKeyEncryptionKey(value, name);
  } catch (error) {
    const problem = (error as { problem?: string }).problem ?? 'must be 32 bytes as base64, base64url or hex';
    throw new StartupError(`${name}: ${problem}`);
  }
}

/** The admin API's token: 32+ visible ASCII characters; a bad one names the variable, never its value. */
function readAdminToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new StartupError(`OAUTH_RO_ADMIN_TOKEN: must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 32)`);
  }
  if (!/^[\x21-\x7e]{1,1024}$/.test(value)) {
    throw new StartupError('OAUTH_RO_ADMIN_TOKEN: must be at most 1024 visible ASCII characters, without spaces');
  }
  return value;
}

/**
 * Reads and validates the environment variables of docs/spec.md §1 (empty values count as unset). A bad
 * value throws a {@link StartupError} naming the variable.
 *
 * @example
 * const env = readEnvironment(process.env);
 * // { port: 3000, host: '127.0.0.1', database: { kind: 'sqlite', url: 'sqlite:./data/oauth-ro.db' }, … }
 */
export function readEnvironment(env: Readonly<Record<string, string | undefined>>): ServerEnvironment {
  const configFile = nonEmpty(env.OAUTH_RO_CONFIG);
  const redis = readRedis(nonEmpty(env.OAUTH_RO_REDIS));
  const issuer = readIssuer(nonEmpty(env.OAUTH_RO_ISSUER));
  const logLevel = nonEmpty(env.OAUTH_RO_LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new StartupError(`OAUTH_RO_LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  }
  return {
    port: readPort(nonEmpty(env.PORT)),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    ...(configFile === undefined ? {} : { configFile }),
    database: readDatabase(nonEmpty(env.OAUTH_RO_DATABASE) ?? DEFAULT_DATABASE),
    ...(redis === undefined ? {} : { redis }),
    ...(issuer === undefined ? {} : { issuer }),
    logLevel,
    trustProxy: readTrustProxy(nonEmpty(env.OAUTH_RO_TRUST_PROXY)),
    ...optional('keyEncryptionKey', readSecretKey('OAUTH_RO_KEY_ENCRYPTION_KEY', nonEmpty(env.OAUTH_RO_KEY_ENCRYPTION_KEY))),
    ...optional('codeHashKey', readSecretKey('OAUTH_RO_CODE_HASH_KEY', nonEmpty(env.OAUTH_RO_CODE_HASH_KEY))),
    ...optional('adminToken', readAdminToken(nonEmpty(env.OAUTH_RO_ADMIN_TOKEN))),
    ...optional('hashQueue', readHashQueue(nonEmpty(env.OAUTH_RO_HASH_QUEUE))),
    ...optional('hashLifoMs', readHashMs('OAUTH_RO_HASH_LIFO_MS', nonEmpty(env.OAUTH_RO_HASH_LIFO_MS))),
    ...optional('hashShedMs', readHashMs('OAUTH_RO_HASH_SHED_MS', nonEmpty(env.OAUTH_RO_HASH_SHED_MS))),
    pruneIntervalSeconds: readPruneInterval(nonEmpty(env.OAUTH_RO_PRUNE_INTERVAL_SECONDS)),
    ...optional('geoloc', readGeoloc(env)),
  };
}
