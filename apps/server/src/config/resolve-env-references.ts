import { ConfigurationError } from '@oauth-ro/core';
import { childPath } from './child-path.js';

const REFERENCE = /^env:(.*)$/s;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Replaces every string value written `"env:NAME"`, anywhere in the tree, with the value of the
 * environment variable NAME. Returns a new tree; the input is not changed. A reference to a variable
 * that is not set throws a `ConfigurationError` naming the path of the value.
 *
 * @example
 * resolveEnvReferences({ clients: [{ client_secret: 'env:MOBILE_SECRET' }] }, { MOBILE_SECRET: 's3cret' });
 * // { clients: [{ client_secret: 's3cret' }] }
 */
export function resolveEnvReferences(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  path = '',
): unknown {
  if (typeof value === 'string') {
    const reference = REFERENCE.exec(value);
    if (!reference) return value;
    const name = reference[1] ?? '';
    const where = path === '' ? '(root)' : path;
    if (!VARIABLE.test(name)) {
      throw new ConfigurationError(where, `"env:" must be followed by an environment variable name, got ${JSON.stringify(value)}`);
    }
    const resolved = env[name];
    if (resolved === undefined) throw new ConfigurationError(where, `environment variable ${name} is not set`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item, i) => resolveEnvReferences(item, env, childPath(path, i)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty, so a key named "__proto__" stays a plain key instead of replacing the prototype.
      Object.defineProperty(out, key, {
        value: resolveEnvReferences(item, env, childPath(path, key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
