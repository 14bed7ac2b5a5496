import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/pbkdf2', testTimeout: 20_000 } });
