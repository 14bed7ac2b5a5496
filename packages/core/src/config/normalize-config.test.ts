import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { normalizeConfig } from './normalize-config.js';

const valid = {
  issuer: 'https://auth.example.com',
  clients: [{ client_id: 'app' }],
  connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['app'] }],
};

function problem(raw: unknown): string {
  try {
    normalizeConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('normalizeConfig', () => {
  it('applies defaults and a trailing slash to the issuer', () => {
    const config = normalizeConfig(valid);
    expect(config.issuer).toBe('https://auth.example.com/');
    expect(config.clients[0]!.jwt_configuration).toEqual({ alg: 'RS256', lifetime_in_seconds: 36000, secret_encoded: false });
    expect(config.connections[0]!.options).toEqual({});
    expect(Object.isFrozen(config.clients[0])).toBe(true);
  });

  it.each([
    [{ ...valid, issuer: 'ftp://x' }, 'issuer: must be an http(s) URL'],
    [{ ...valid, clients: [{}] }, 'clients[0].client_id: must be a non-empty string'],
    [{ ...valid, clients: [{ client_id: 'app', jwt_configuration: { alg: 'none' } }] }, 'clients[0].jwt_configuration.alg'],
    [{ ...valid, clients: [{ client_id: 'app', jwt_configuration: { alg: 'HS256' } }] }, 'clients[0].client_secret: is required'],
    [{ ...valid, clients: [{ client_id: 'app' }, { client_id: 'app' }] }, 'clients[1].client_id: duplicates "app"'],
    [{ ...valid, connections: [{ name: 'db', strategy: 'nope' }] }, 'connections[0].strategy: must be one of'],
    [{ ...valid, connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['ghost'] }] }, 'connections[0].enabled_clients[0]: names unknown client "ghost"'],
  ])('names the path of what is wrong (%#)', (raw, message) => {
    expect(problem(raw)).toContain(message);
  });
});
