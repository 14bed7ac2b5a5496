import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/scripts', testTimeout: 30_000 } });
