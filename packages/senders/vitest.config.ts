import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@oauth-ro/senders',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
