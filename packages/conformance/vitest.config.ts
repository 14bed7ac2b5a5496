import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@oauth-ro/conformance',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
