import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { extractExample } from './extract-example.js';
import { PACKAGES_DIR, publicPackages } from './public-packages.js';

const OUT = fileURLToPath(new URL('../../.tmp/typecheck/', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

it('every published package has a README with one ```ts example block, and every example typechecks against the built packages', async () => {
  const packages = publicPackages();
  expect(packages.length).toBeGreaterThanOrEqual(13);
  const own = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  const missing = packages.filter((p) => own.dependencies[p.name] !== 'workspace:*').map((p) => p.name);
  expect(missing, 'add these to packages/packaging dependencies ("workspace:*") so their README examples can run').toEqual([]);
  await mkdir(OUT, { recursive: true });
  const files: string[] = [];
  for (const pkg of packages) {
    const readme = `${PACKAGES_DIR}${pkg.dir}/README.md`;
    expect(existsSync(readme), `${pkg.name} has no README.md`).toBe(true);
    const code = extractExample(await readFile(readme, 'utf8'));
    files.push(`${pkg.dir}.ts`);
    await writeFile(`${OUT}${pkg.dir}.ts`, code);
  }
  // Each example is a module of its own (top-level await), checked the way a user's project would be.
  await writeFile(
    `${OUT}tsconfig.json`,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: ['node'],
        strict: true, noEmit: true, skipLibCheck: true, moduleDetection: 'force', esModuleInterop: true,
      },
      files,
    }),
  );
  const result = await promisify(execFile)(process.execPath, [TSC, '-p', `${OUT}tsconfig.json`]).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(result).toBe('');
});
