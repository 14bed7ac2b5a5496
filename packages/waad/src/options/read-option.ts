import { ConfigurationError } from '@oauth-ro/core/ports';

/** Reads typed values out of `connection.options`, throwing a {@link ConfigurationError} that names the path. */
export interface OptionReader {
  /** A non-empty string, or undefined when absent. */
  string(key: string): string | undefined;
  fail(key: string, problem: string): never;
}

/**
 * @example
 * const read = optionReader(connection.options, 'connections[3].options');
 * const tenant = read.string('tenant_domain');
 */
export function optionReader(options: Readonly<Record<string, unknown>>, path: string): OptionReader {
  const fail = (key: string, problem: string): never => {
    throw new ConfigurationError(`${path}.${key}`, problem);
  };
  return {
    fail,
    string(key) {
      const value = Object.hasOwn(options, key) ? options[key] : undefined;
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string' || value.trim().length === 0) return fail(key, 'must be a non-empty string');
      return value.trim();
    },
  };
}
