import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The examples run against the packages as published: their built `dist`. Build every package this
 * one depends on first; turbo makes this a cache hit after the root `pnpm test` built.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@oauth-ro/packaging...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}
