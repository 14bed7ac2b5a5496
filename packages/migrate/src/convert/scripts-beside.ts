import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * The `readScript` of {@link convertAuth0Export} for an export file on disk: reads the scripts a
 * deploy-cli `tenant.yaml` references (`./rules/name.js`, `./databases/…/login.js`) relative to
 * the file's folder, and nothing outside that folder (a reference climbing out reads as missing).
 *
 * @example
 * const { config } = convertAuth0Export(parse(await readFile('tenant.yaml', 'utf8')), { readScript: scriptsBeside('tenant.yaml') });
 */
export function scriptsBeside(exportFile: string): (reference: string) => string | undefined {
  const folder = resolve(dirname(exportFile));
  return (reference) => {
    const path = resolve(folder, reference);
    if (relative(folder, path).startsWith('..')) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}
