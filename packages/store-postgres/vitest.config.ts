import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/store-postgres', testTimeout: 20_000, hookTimeout: 20_000 } });
