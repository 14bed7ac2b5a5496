import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/store-sqlite', testTimeout: 20_000, hookTimeout: 20_000 } });
