import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The end-to-end test drives the built page (dist/) served by the real built server
 * (apps/server/dist/main.js). Build both and what they depend on first; turbo makes this a cache
 * hit when nothing changed (e.g. after the root `pnpm test` built).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@oauth-ro/demo-web...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}
