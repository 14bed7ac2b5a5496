import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/store-memory', passWithNoTests: true } });
