import { defineConfig } from 'tsup';

// One build per entry of package.json `exports`. `splitting` also for CommonJS, so that a class
// exported from two entries (`UnavailableError` from the root and `/ports`) is one class.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'ports/index': 'src/entries/ports.ts',
    'admin/index': 'src/entries/admin.ts',
    'openapi/index': 'src/entries/openapi.ts',
    'internal/index': 'src/entries/internal.ts',
    'node/index': 'src/node/index.ts',
  },
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
