import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@oauth-ro/packaging',
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
