import { describe, expect, it } from 'vitest';
import { normalizeConfig } from './normalize-config.js';
import { checkConfigKeys } from './check-config-keys.js';

const base = {
  issuer: 'https://auth.example.com/',
  clients: [{ client_id: 'app' }],
  connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['app'] }],
};

describe('strict configuration keys', () => {
  it('refuses a misspelt key, naming its path and the key it resembles', () => {
    const typo = { ...base, connections: [{ name: 'db', strategy: 'auth0', enabeld_clients: ['app'] }] };
    expect(() => normalizeConfig(typo)).toThrow(expect.objectContaining({ path: 'connections[0].enabeld_clients', problem: 'unknown key; did you mean "enabled_clients"?' }));
    expect(() => normalizeConfig({ ...base, isuer: 'x' })).toThrow(expect.objectContaining({ path: 'isuer', problem: 'unknown key; did you mean "issuer"?' }));
    expect(() => normalizeConfig({ ...base, clients: [{ client_id: 'app', jwt_configuration: { lifetime: 60 } }] })).toThrow(
      expect.objectContaining({ path: 'clients[0].jwt_configuration.lifetime' }),
    );
  });

  it('refuses a key nothing resembles, without a suggestion', () => {
    expect(() => normalizeConfig({ ...base, zzzzzz: 1 })).toThrow(expect.objectContaining({ path: 'zzzzzz', problem: 'unknown key' }));
  });

  it('warns about keys Auth0 exports carry that oauth-ro does not support, and accepts them', () => {
    const exported = { ...base, hooks: [], clients: [{ client_id: 'app', oidc_conformant: true, app_type: 'spa', callbacks: [] }] };
    expect(checkConfigKeys(exported)).toEqual([
      'clients[0].app_type: Auth0 setting that oauth-ro does not support; it is ignored',
      'clients[0].oidc_conformant: Auth0 setting that oauth-ro does not support; it is ignored',
      'hooks: Auth0 setting that oauth-ro does not support; it is ignored',
    ]);
    expect(normalizeConfig(exported).clients[0]!.client_id).toBe('app');
  });

  it('leaves connection options to their strategy', () => {
    expect(checkConfigKeys({ ...base, connections: [{ name: 'db', strategy: 'auth0', options: { anything_at_all: 1 } }] })).toEqual([]);
  });
});

describe('the shape of each section', () => {
  it('names an array where a section belongs, and a missing required key at its own path', () => {
    expect(() => checkConfigKeys(['a'])).toThrow(expect.objectContaining({ path: '(root)', problem: 'must be an object' }));
    expect(() => checkConfigKeys({ ...base, clients: [['app']] })).toThrow(expect.objectContaining({ path: 'clients[0]', problem: 'must be an object' }));
    expect(() => checkConfigKeys({ ...base, clients: [{ client_id: 'app', jwt_configuration: [] }] })).toThrow(
      expect.objectContaining({ path: 'clients[0].jwt_configuration', problem: 'must be an object' }),
    );
    expect(() => checkConfigKeys({ ...base, connections: [{ name: 'db', strategy: 'auth0', options: [] }] })).toThrow(
      expect.objectContaining({ path: 'connections[0].options', problem: 'must be an object' }),
    );
    expect(() => checkConfigKeys({ clients: [], connections: [] })).toThrow(expect.objectContaining({ path: 'issuer', problem: 'must be a non-empty string' }));
    expect(() => checkConfigKeys({ ...base, connections: [{ name: 'db' }] })).toThrow(
      expect.objectContaining({ path: 'connections[0].strategy', problem: expect.stringMatching(/^must be one of auth0, sms, email, /) }),
    );
    expect(() => checkConfigKeys({ ...base, clients: [{ client_id: 'app', jwt_configuration: { lifetime_in_seconds: 1.5 } }] })).toThrow(
      expect.objectContaining({ path: 'clients[0].jwt_configuration.lifetime_in_seconds', problem: 'must be a positive integer' }),
    );
    expect(() => checkConfigKeys({ ...base, clients: [{ client_id: 'app', callbacks: ['https://a.example/cb', ' '] }] })).toThrow(
      expect.objectContaining({ path: 'clients[0].callbacks[1]', problem: 'must be a non-empty string' }),
    );
  });
});
