import { ConfigurationError } from '@oauth-ro/core/ports';

/** Reads typed values out of `connection.options`, throwing a {@link ConfigurationError} that names the path. */
export interface OptionReader {
  /** A non-empty string, or undefined when absent. */
  string(key: string): string | undefined;
  /** An array of non-empty strings (a single string is accepted as a one-item list), or undefined. */
  strings(key: string): string[] | undefined;
  fail(key: string, problem: string): never;
}

/**
 * @example
 * const read = optionReader(connection.options, 'connections[4].options');
 * const server = read.string('adfs_server');
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
      if (typeof value !== 'string' || value.trim().length === 0) return fail(key, 'must be a non-empty string');
      return value.trim();
    },
    strings(key) {
      const value = get(key);
      if (value === undefined || value === null) return undefined;
      const list = Array.isArray(value) ? value : [value];
      return list.map((item, i) => {
        if (typeof item !== 'string' || item.trim().length === 0) {
          return fail(Array.isArray(value) ? `${key}[${i}]` : key, 'must be a non-empty string');
        }
        return item.trim();
      });
    },
  };
}
