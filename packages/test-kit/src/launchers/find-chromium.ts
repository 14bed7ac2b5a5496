import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium, the only browser the browser tests use (playwright-core never downloads one). */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium's path, or why the browser test cannot run here. */
export type ChromiumLookup = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds Chromium, installing it first through scripts/ci/browser.sh when the test runs as root
 * (as in CI). Only a non-root run without Chromium is told to skip; a failed install as root throws,
 * so CI cannot pass without the browser test having run.
 *
 * @example
 * const chromium = findChromium();
 * describe.skipIf(!chromium.ok)('demo page', () => { … });
 */
export function findChromium(): ChromiumLookup {
  if (existsSync(CHROMIUM)) return { ok: true, path: CHROMIUM };
  if (process.getuid?.() !== 0) {
    return { ok: false, reason: `${CHROMIUM} is missing and only root can install it: run scripts/ci/browser.sh as root (apt-get install chromium)` };
  }
  execFileSync('bash', [fileURLToPath(new URL('../../../../scripts/ci/browser.sh', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  if (!existsSync(CHROMIUM)) throw new Error(`scripts/ci/browser.sh ran as root but ${CHROMIUM} is still missing`);
  return { ok: true, path: CHROMIUM };
}
