import { createRequire } from 'node:module';

/**
 * The version of the installed `oauth-ro` package, read from its package.json (one folder above
 * both `src/` and the bundled `dist/main.js`).
 *
 * @example packageVersion(); // '0.1.0'
 */
export function packageVersion(): string {
  const manifest = createRequire(import.meta.url)('../package.json') as { version: string };
  return manifest.version;
}
