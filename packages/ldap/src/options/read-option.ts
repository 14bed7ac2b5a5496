import { ConfigurationError } from '@oauth-ro/core/ports';

/** Reads typed values out of `connection.options`, throwing a {@link ConfigurationError} that names the path. */
export interface OptionReader {
  string(key: string): string | undefined;
  boolean(key: string, fallback: boolean): boolean;
  integer(key: string, fallback: number, min: number, max: number): number;
  /** A PEM string or an array of PEM strings. */
  pems(key: string): string[] | undefined;
  record(key: string): Readonly<Record<string, unknown>> | undefined;
  fail(key: string, problem: string): never;
}

/**
 * @example
 * const read = optionReader(connection.options, 'connections[2].options');
 * const url = read.string('ldap_url');
 */
export function optionReader(options: Readonly<Record<string, unknown>>, path: string): OptionReader {
  const fail = (key: string, problem: string): never => {
    throw new ConfigurationError(`${path}.${key}`, problem);
  };
  const get = (key: string): unknown => (Object.hasOwn(options, key) ? options[key] : undefined);
  return {
    fail,
    string(key) {
      const value = get(key);
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string' || value.length === 0) return fail(key, 'must be a non-empty string');
      return value;
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
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) return fail(key, 'must be a PEM certificate or a non-empty array of them');
      return list.map((pem, i) => {
        if (typeof pem !== 'string' || !pem.includes('-----BEGIN CERTIFICATE-----')) {
          return fail(Array.isArray(value) ? `${key}[${i}]` : key, 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
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
