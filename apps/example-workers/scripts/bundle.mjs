// Bundles src/worker.ts into one ES module for workerd, the way wrangler would: Web platform only.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the Worker. `platform: 'neutral'` gives it no Node built-ins at all: an import of `node:*`
 * (or `fs`, `crypto`, …) anywhere in the graph fails the build instead of landing in the bundle.
 *
 * @param {{ outfile?: string }} [options]
 * @returns {Promise<{ outfile: string; metafile: import('esbuild').Metafile }>}
 * @example const { outfile } = await bundleWorker({ outfile: '/tmp/worker.js' });
 */
export async function bundleWorker(options = {}) {
  const outfile = options.outfile ?? `${root}dist/worker.js`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/worker.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    // What wrangler resolves for Workers: the `workerd` export condition first, then browser builds.
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  return { outfile, metafile: result.metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outfile, metafile } = await bundleWorker();
  console.log(`${outfile}: ${metafile.outputs[Object.keys(metafile.outputs).find((k) => k.endsWith('.js'))].bytes} bytes`);
}
