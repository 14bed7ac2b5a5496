import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@oauth-ro/adfs',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
