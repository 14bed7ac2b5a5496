import { defineConfig } from 'tsup';

// Two entry points: the orchestrator (`pnpm bench`) and the server child it forks per target.
export default defineConfig({
  entry: ['src/main.ts', 'src/serve.ts'],
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'node',
  // Load every dependency from node_modules, so profiles attribute time to the package it belongs to.
  skipNodeModulesBundle: true,
});
