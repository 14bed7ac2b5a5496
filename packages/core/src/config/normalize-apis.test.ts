import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { clientAllowsGrant, GRANT } from './grant-types.js';
import { normalizeConfig } from './normalize-config.js';

const base = {
  issuer: 'https://auth.example.com/',
  clients: [{ client_id: 'app' }, { client_id: 'backend', client_secret: 'backend-secret', grant_types: ['client_credentials', 'client_credentials'] }],
  connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['app'] }],
};
const api = { identifier: 'https://api.example.com/', scopes: [{ value: 'read:notes' }] };

function problem(raw: unknown): string {
  try {
    normalizeConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('tenant, resource_servers, client_grants and grant_types', () => {
  it('applies Auth0’s defaults and keeps the grant lists', () => {
    const config = normalizeConfig({
      ...base,
      tenant: { default_directory: 'db', friendly_name: 'ignored' },
      resource_servers: [api],
      client_grants: [{ client_id: 'backend', audience: api.identifier, scope: ['read:notes'] }],
    });
    expect(config.tenant).toEqual({ default_directory: 'db' });
    expect(config.resource_servers![0]).toEqual({
      identifier: api.identifier,
      scopes: [{ value: 'read:notes' }],
      signing_alg: 'RS256',
      token_lifetime: 86400,
      allow_offline_access: false,
      skip_consent_for_verifiable_first_party_clients: false,
    });
    expect(config.clients[1]!.grant_types).toEqual(['client_credentials']);
    expect(config.clients[0]!.grant_types).toBeUndefined();
  });

  it.each([
    [{ resource_servers: [{ ...api, signing_alg: 'HS256' }] }, 'resource_servers[0].signing_alg: must be RS256'],
    [{ resource_servers: [api, api] }, 'resource_servers[1].identifier: duplicates'],
    [{ resource_servers: [{ ...api, token_lifetime: 0 }] }, 'resource_servers[0].token_lifetime'],
    [{ resource_servers: [{ ...api, scopes: [{ value: 'a b' }] }] }, 'resource_servers[0].scopes[0].value'],
    [{ tenant: { default_directory: 'ghost' } }, 'tenant.default_directory: names unknown connection "ghost"'],
    [{ client_grants: [{ client_id: 'backend', audience: api.identifier }] }, 'client_grants[0].audience: names unknown resource server'],
    [{ resource_servers: [api], client_grants: [{ client_id: 'ghost', audience: api.identifier }] }, 'client_grants[0].client_id: names unknown client'],
    [{ resource_servers: [api], client_grants: [{ client_id: 'backend', audience: api.identifier, scope: ['write:notes'] }] }, 'client_grants[0].scope[0]: is not a scope'],
    [{ clients: [{ client_id: 'app', grant_types: 'password' }] }, 'clients[0].grant_types: must be an array'],
  ])('refuses what is wrong, naming the path (%#)', (extra, message) => {
    expect(problem({ ...base, ...extra })).toContain(message);
  });

  it('gives a client without grant_types every grant but client_credentials, which needs a client grant', () => {
    const config = normalizeConfig({ ...base, resource_servers: [api], client_grants: [{ client_id: 'app', audience: api.identifier }] });
    const [app, backend] = config.clients;
    for (const grant of [GRANT.legacyRo, GRANT.password, GRANT.passwordRealm, GRANT.refreshToken, GRANT.legacyDelegationIdToken]) {
      expect(clientAllowsGrant(config, app!, grant)).toBe(true);
    }
    expect(clientAllowsGrant(config, app!, GRANT.clientCredentials)).toBe(true);
    expect(clientAllowsGrant(normalizeConfig(base), normalizeConfig(base).clients[0]!, GRANT.clientCredentials)).toBe(false);
    expect(clientAllowsGrant(config, backend!, GRANT.legacyRo)).toBe(false);
    expect(clientAllowsGrant(config, backend!, GRANT.clientCredentials)).toBe(true);
  });
});
