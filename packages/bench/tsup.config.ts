import { defineConfig } from 'tsup';

// Entry points: the orchestrator (`pnpm bench`), the server child it forks per target, and the
// worker thread that polls an endpoint during a flood.
export default defineConfig({
  entry: ['src/main.ts', 'src/serve.ts', 'src/poll-worker.ts'],
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'node',
  // Load every dependency from node_modules, so profiles attribute time to the package it belongs to.
  skipNodeModulesBundle: true,
});
