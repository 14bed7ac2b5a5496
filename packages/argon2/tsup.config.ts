import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    shims: true,
  },
  // The hashing thread's program, loaded by path (hash-threads.ts), never imported.
  { entry: ['src/hash-thread.cjs'], format: ['cjs'], target: 'es2022', outExtension: () => ({ js: '.cjs' }) },
]);
