import { ConfigurationError } from '@oauth-ro/core/ports';

/** Reads typed values out of an options object, throwing a {@link ConfigurationError} that names the path. */
export interface OptionReader {
  /** A non-empty string, or undefined when absent. */
  string(key: string): string | undefined;
  /** A non-empty string; absent is a configuration error. */
  required(key: string, why?: string): string;
  boolean(key: string): boolean | undefined;
  /** A nested object, or undefined when absent. */
  object(key: string): Readonly<Record<string, unknown>> | undefined;
  /** An http(s) URL; plain http only to a loopback host, so codes never cross a network unencrypted. */
  url(key: string, value: string): URL;
  fail(key: string, problem: string): never;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * @example
 * const read = optionReader(connection.options, 'connections[1].options');
 * const url = read.url('gateway_url', read.required('gateway_url'));
 */
export function optionReader(options: Readonly<Record<string, unknown>>, path: string): OptionReader {
  const fail = (key: string, problem: string): never => {
    throw new ConfigurationError(`${path}.${key}`, problem);
  };
  const raw = (key: string) => (Object.hasOwn(options, key) ? options[key] : undefined);
  const string = (key: string) => {
    const value = raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim().length === 0) return fail(key, 'must be a non-empty string');
    return value.trim();
  };
  return {
    fail,
    string,
    required: (key, why) => string(key) ?? fail(key, why ?? 'is required'),
    boolean(key) {
      const value = raw(key);
      if (value === undefined || value === null) return undefined;
      return typeof value === 'boolean' ? value : fail(key, 'must be true or false');
    },
    object(key) {
      const value = raw(key);
      if (value === undefined || value === null) return undefined;
      return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(key, 'must be an object');
    },
    url(key, value) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return fail(key, 'must be an absolute http(s) URL');
      }
      if (url.protocol === 'https:') return url;
      if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
      return fail(key, 'must be an https URL (plain http only to localhost)');
    },
  };
}
