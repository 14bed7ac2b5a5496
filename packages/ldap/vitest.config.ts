import { defineConfig } from 'vitest/config';

// Real slapd and Samba AD instances start in beforeAll; provisioning a domain takes seconds.
export default defineConfig({
  test: {
    name: '@oauth-ro/ldap',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
