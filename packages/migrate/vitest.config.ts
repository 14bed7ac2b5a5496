import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/migrate', testTimeout: 30_000 } });
