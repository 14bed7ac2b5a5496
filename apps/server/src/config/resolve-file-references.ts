import { readFileSync } from 'node:fs';
import { isAbsolute, resolve, dirname } from 'node:path';
import { ConfigurationError } from '@oauth-ro/core';
import { childPath } from './child-path.js';

const REFERENCE = /^file:(.+)$/s;

/**
 * Replaces every string value written `"file:<path>"` with the content of that file (one trailing
 * newline removed), e.g. `client_secret: file:/run/secrets/mobile-secret`. A relative path is read
 * from the configuration file's folder. A file that cannot be read throws a `ConfigurationError`
 * naming the path of the value (never the content). Returns a new tree.
 *
 * @example
 * resolveFileReferences({ clients: [{ client_secret: 'file:/run/secrets/mobile' }] }, '/etc/oauth-ro/oauth-ro.yaml');
 */
export function resolveFileReferences(value: unknown, configFile: string, path = ''): unknown {
  if (typeof value === 'string') {
    const reference = REFERENCE.exec(value);
    if (!reference) return value;
    const target = reference[1]!.trim();
    const file = isAbsolute(target) ? target : resolve(dirname(configFile), target);
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new ConfigurationError(path === '' ? '(root)' : path, `cannot read ${target} (${code === 'ENOENT' ? 'the file does not exist' : typeof code === 'string' ? code : 'unreadable'})`);
    }
  }
  if (Array.isArray(value)) return value.map((item, i) => resolveFileReferences(item, configFile, childPath(path, i)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: resolveFileReferences(item, configFile, childPath(path, key)), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
