import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { createOAuthRo } from '../handlers/create-oauth-ro.js';
import type { CoreDeps } from '../ports/deps.js';
import { normalizeConfig } from './normalize-config.js';
import { requireCounterStore } from './require-counter-store.js';

const config = (options: Record<string, unknown>, strategy = 'auth0') =>
  normalizeConfig({
    issuer: 'https://auth.test.example/',
    clients: [{ client_id: 'app', name: 'App' }],
    connections: [
      { name: 'Passwordless', strategy: 'sms', enabled_clients: ['app'], options: {} },
      { name: 'Users', strategy, enabled_clients: ['app'], options },
    ],
  } as never);

describe('requireCounterStore', () => {
  it('refuses brute-force protection (on by default) without a counter store, naming the connection', () => {
    expect(() => requireCounterStore(config({}), {})).toThrow(ConfigurationError);
    expect(() => requireCounterStore(config({ brute_force_protection: true }), {})).toThrow(
      /^connections\[1\]\.options\.brute_force_protection: connection "Users" asks for brute-force protection/,
    );
  });

  it('accepts it with a counter store, or when the connection turns it off', () => {
    expect(() => requireCounterStore(config({}), { counters: {} as never })).not.toThrow();
    expect(() => requireCounterStore(config({ brute_force_protection: false }), {})).not.toThrow();
  });
});

describe('createOAuthRo', () => {
  it('refuses to start with brute-force protection and no counter store, before touching any store', async () => {
    await expect(createOAuthRo({ config: config({}), deps: {} as CoreDeps })).rejects.toThrow(ConfigurationError);
  });
});
