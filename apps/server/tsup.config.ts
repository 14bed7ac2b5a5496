import { defineConfig } from 'tsup';

// One ESM entry; workspace packages and native addons stay external (resolved from node_modules).
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
});
