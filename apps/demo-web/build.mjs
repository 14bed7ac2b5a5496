// Builds the demo page into dist/: index.html and style.css as they are, and app.js, the page
// script bundled with auth0.js v8 (no CDN, nothing loaded from elsewhere at run time).
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const out = new URL('./dist/', import.meta.url);
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('app.js', out).pathname,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
for (const file of ['index.html', 'style.css']) await copyFile(new URL(`./src/${file}`, import.meta.url), new URL(file, out));
