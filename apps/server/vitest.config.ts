import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'oauth-ro',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
