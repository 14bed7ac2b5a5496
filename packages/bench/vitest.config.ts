import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@oauth-ro/bench', passWithNoTests: true } });
