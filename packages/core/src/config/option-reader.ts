import { ConfigurationError } from '../errors/oauth-error.js';

/**
 * Reads typed values out of a connection's `options` (a directory's, a sender's), throwing a
 * {@link ConfigurationError} that names the path (`connections[2].options.ldap_url`). Absent and
 * `null` read as absent.
 */
export interface OptionReader {
  /** A non-empty string (with `trim`, trimmed and not blank), or undefined when absent. */
  string(key: string): string | undefined;
  /** An array of such strings (a single string is accepted as a one-item list), or undefined. */
  strings(key: string): string[] | undefined;
  boolean(key: string, fallback: boolean): boolean;
  integer(key: string, fallback: number, min: number, max: number): number;
  /** A PEM certificate or a non-empty array of them. */
  pems(key: string): string[] | undefined;
  record(key: string): Readonly<Record<string, unknown>> | undefined;
  fail(key: string, problem: string): never;
}

/** Options of {@link optionReader}. */
export interface OptionReaderSettings {
  /** Trim strings and refuse blank ones (names, URLs); leave it off where spaces count (passwords). */
  readonly trim?: boolean;
}

/**
 * The one reader of strategy options, shared by the directory packages so each validates its options
 * the same way (docs/spec.md §4: a start-up error names the path).
 *
 * @example
 * const read = optionReader(connection.options, 'connections[2].options');
 * const url = read.string('ldap_url') ?? read.fail('ldap_url', 'is required');
 */
export function optionReader(options: Readonly<Record<string, unknown>>, path: string, settings: OptionReaderSettings = {}): OptionReader {
  const fail = (key: string, problem: string): never => {
    throw new ConfigurationError(`${path}.${key}`, problem);
  };
  const get = (key: string): unknown => (Object.hasOwn(options, key) ? options[key] : undefined);
  const text = (value: unknown, at: string): string => {
    if (typeof value !== 'string' || (settings.trim ? value.trim() : value).length === 0) return fail(at, 'must be a non-empty string');
    return settings.trim ? value.trim() : value;
  };
  /** A value or a list of them, each checked by `one` and named `key[i]` when listed. */
  const list = <T>(key: string, value: unknown, one: (item: unknown, at: string) => T): T[] =>
    Array.isArray(value) ? value.map((item, i) => one(item, `${key}[${i}]`)) : [one(value, key)];
  return {
    fail,
    string(key) {
      const value = get(key);
      return value === undefined || value === null ? undefined : text(value, key);
    },
    strings(key) {
      const value = get(key);
      return value === undefined || value === null ? undefined : list(key, value, text);
    },
    boolean(key, fallback) {
      const value = get(key);
      if (value === undefined || value === null) return fallback;
      if (typeof value !== 'boolean') return fail(key, 'must be true or false');
      return value;
    },
    integer(key, fallback, min, max) {
      const value = get(key);
      if (value === undefined || value === null) return fallback;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        return fail(key, `must be an integer from ${min} to ${max}`);
      }
      return value;
    },
    pems(key) {
      const value = get(key);
      if (value === undefined || value === null) return undefined;
      if (Array.isArray(value) && value.length === 0) return fail(key, 'must be a PEM certificate or a non-empty array of them');
      return list(key, value, (pem, at) => {
        if (typeof pem !== 'string' || !pem.includes('-----BEGIN CERTIFICATE-----')) {
          return fail(at, 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
        }
        return pem;
      });
    },
    record(key) {
      const value = get(key);
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'object' || Array.isArray(value)) return fail(key, 'must be an object');
      return value as Readonly<Record<string, unknown>>;
    },
  };
}
