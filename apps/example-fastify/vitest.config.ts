import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: '@oauth-ro/example-fastify', include: ['src/**/*.test.ts'], testTimeout: 20_000 },
});
