import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in it (packages/test-kit/src/workspace/). */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Builds a workspace package and everything it depends on (`turbo run build --filter=<name>...`),
 * for a vitest `globalSetup` whose tests run built `dist` output. Turbo makes this a cache hit when
 * nothing changed (e.g. after the root `pnpm test` built); a failed build throws, with turbo's errors
 * on stderr.
 *
 * @example
 * // test/global-setup.ts
 * export default () => buildWithDependencies('@oauth-ro/demo-web');
 */
export function buildWithDependencies(packageName: string): void {
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', `--filter=${packageName}...`, '--output-logs=errors-only'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}
