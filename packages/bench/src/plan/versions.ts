import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The version in a dependency's package.json, found from its entry point; `?` when it cannot be read. */
function versionOf(name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 6; i += 1, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // no package.json at this level
      }
    }
  } catch {
    // not installed
  }
  return '?';
}

/**
 * What was measured, for the report's header: oauth-ro's packages and the frameworks and hashing
 * library they ran on.
 *
 * @example measuredVersions(); // 'oauth-ro 0.1.0, express 5.1.0, fastify 5.6.1, hono 4.13.19, …'
 */
export function measuredVersions(): string {
  const names = ['@oauth-ro/core', 'express', 'fastify', 'hono', '@hono/node-server', '@node-rs/argon2', 'jose'];
  return names.map((name) => `${name === '@oauth-ro/core' ? 'oauth-ro (core)' : name} ${versionOf(name)}`).join(', ');
}
