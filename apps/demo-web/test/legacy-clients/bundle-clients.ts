import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** The published SDKs as the test pages load them, each exposed as the global its docs name. */
const ENTRIES: Readonly<Record<string, string>> = {
  'auth0-js-v7.js': "window.Auth0 = require('auth0-js-v7');",
  'auth0-js-v8.js': "window.auth0 = require('auth0-js');",
  'auth0-lock-10.js': "window.Auth0Lock = require('auth0-lock').default;",
  'auth0-lock-passwordless-2.js': "window.Auth0LockPasswordless = require('auth0-lock-passwordless').default;",
};

/**
 * Bundles the real, unmodified client libraries from node_modules into `dir` with esbuild (as an
 * app would bundle them), and copies auth0.js v9's own published browser build. Nothing is fetched
 * from a CDN at run time.
 *
 * @example await bundleClients('/tmp/pages/lib'); // auth0-js-v7.js, auth0-js-v8.js, auth0-js-v9.js, auth0-lock-10.js, …
 */
export async function bundleClients(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [file, contents] of Object.entries(ENTRIES)) {
    await build({
      stdin: { contents, resolveDir: import.meta.dirname, loader: 'js' },
      outfile: join(dir, file),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2017'],
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      // Lock 10 was built with webpack's Node polyfills; these are the same packages.
      alias: { events: require.resolve('events/'), util: require.resolve('util/') },
      logLevel: 'error',
    });
  }
  await copyFile(require.resolve('auth0-js-v9/dist/auth0.min.js'), join(dir, 'auth0-js-v9.js'));
  await writeFile(join(dir, 'README.txt'), 'Built by test/legacy-clients/bundle-clients.ts for the browser test.\n');
}
