import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The integration tests run the real built server (`dist/main.js`). Build it and what it depends on
 * first; turbo makes this a cache hit when nothing changed (e.g. after the root `pnpm test` built).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@oauth-ro/server...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}
