// The API report of a published package: for every entry of its package.json `exports`, API Extractor
// reads the built declarations (dist/…/*.d.ts) and writes `api/<entry>.api.md` (`index` for the root,
// `ports` for `./ports`, …). Committed, so a change to a public surface shows in review.
//
// `/internal` (unstable by contract) has no report.
//
//   node scripts/api-report.mjs [dir…]            check the package in the current folder (its `lint` runs this), or in each dir
//   node scripts/api-report.mjs --update [dir…]   rewrite the reports after a deliberate change
//   pnpm api:update                               build, then rewrite the reports of every published package
//
// Needs the package built (`pnpm exec turbo run build --filter=<pkg>`).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const root = resolve(import.meta.dirname, '..');
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const all = process.argv.includes('--all')
  ? readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)).filter((d) => existsSync(join(d, 'package.json')) && !JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).private)
  : [];
let failed = false;
for (const dir of [...all, ...(dirs.length || all.length ? dirs : ['.'])].map((d) => resolve(d))) failed = !report(dir) || failed;
process.exitCode = failed ? 1 : 0;

/** Checks (or with --update rewrites) one package's reports; false when they do not match. */
function report(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const refresh = `pnpm exec turbo run build --filter=${pkg.name} && node scripts/api-report.mjs --update ${relative(root, dir)}`;

  /** `exports` entries with their ESM declaration file: [['index', 'dist/index.d.ts'], ['ports', …]]. */
  function entries() {
    return Object.entries(pkg.exports ?? {})
      .filter(([subpath]) => subpath !== './package.json' && subpath !== './internal')
      .map(([subpath, target]) => [subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-'), target.import?.types ?? target.types])
      // Entries without declarations (a JSON file such as `./config.schema.json`) have no API.
      .filter(([, types]) => typeof types === 'string');
  }

  const tmp = join(dir, '.api-report');
  mkdirSync(join(dir, 'api'), { recursive: true });
  const changed = [];
  for (const [name, types] of entries()) {
    if (!existsSync(join(dir, types))) {
      console.error(`${pkg.name}: ${types} is missing; build first: pnpm exec turbo run build --filter=${pkg.name}`);
      return false;
    }
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: dir,
        mainEntryPointFilePath: join(dir, types),
        compiler: { overrideTsconfig: { compilerOptions: { strict: true, skipLibCheck: true, lib: ['ES2022', 'DOM'], types: ['node'] }, files: [join(dir, types)] } },
        apiReport: { enabled: true, reportFileName: `${name}.api.md`, reportFolder: join(dir, 'api'), reportTempFolder: tmp },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          // Reported in the file, never on the console: the report is the record, the check is the diff.
          compilerMessageReporting: { default: { logLevel: 'none' } },
          extractorMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
      configObjectFullPath: join(dir, 'api-extractor.json'),
      packageJsonFullPath: join(dir, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: update, messageCallback: (m) => { m.handled = true; } });
    if (result.apiReportChanged) changed.push(`api/${name}.api.md`);
    if (!result.succeeded && !result.apiReportChanged) {
      console.error(`${pkg.name}: API Extractor failed on ${types} (${result.errorCount} errors)`);
      return false;
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  if (changed.length === 0) console.log(`${pkg.name}: API report up to date (${entries().length} entries)`);
  else if (update) console.log(`${pkg.name}: API report rewritten: ${changed.join(', ')} — commit it`);
  else {
    console.error(`${pkg.name}: the public API changed and ${changed.join(', ')} no longer matches it.`);
    console.error(`If the change is meant, refresh the report and commit it (run from the repository root):\n  ${refresh}\n(every published package: pnpm api:update)`);
    return false;
  }
  return true;
}
