import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { normalizeConfig } from './normalize-config.js';
import { normalizeTokenLifecycle } from './normalize-token-lifecycle.js';

describe('normalizeTokenLifecycle', () => {
  it('adds nothing for a client without refresh_token or token_endpoint_auth_method', () => {
    expect(normalizeTokenLifecycle({ client_id: 'app' }, 'clients[0]')).toEqual({});
  });

  it('applies Auth0 defaults: rotating clients expire after 30 days, leeway 10 s', () => {
    expect(normalizeTokenLifecycle({ refresh_token: { rotation_type: 'rotating' } }, 'c').refresh_token).toEqual({
      rotation_type: 'rotating',
      expiration_type: 'expiring',
      leeway: 10,
      token_lifetime: 2592000,
      idle_token_lifetime: 1296000,
      infinite_idle_token_lifetime: false,
    });
    expect(normalizeTokenLifecycle({ refresh_token: {} }, 'c').refresh_token?.expiration_type).toBe('non-expiring');
    expect(
      normalizeTokenLifecycle({ refresh_token: { rotation_type: 'rotating', infinite_token_lifetime: true } }, 'c').refresh_token?.expiration_type,
    ).toBe('non-expiring');
  });

  it('ignores the other fields of a tenant export', () => {
    const out = normalizeTokenLifecycle(
      { refresh_token: { rotation_type: 'non-rotating', leeway: 0, idle_token_lifetime: 1296000, infinite_idle_token_lifetime: true, policies: [] } },
      'c',
    );
    expect(out.refresh_token).toMatchObject({ rotation_type: 'non-rotating', leeway: 0 });
    expect(out.refresh_token).not.toHaveProperty('policies');
  });

  it('keeps the idle lifetime as Auth0 does: infinite for non-expiring unless turned on, capped default, explicit value kept', () => {
    const policy = (refresh_token: Record<string, unknown>) => normalizeTokenLifecycle({ refresh_token }, 'c').refresh_token;
    expect(policy({})).toMatchObject({ expiration_type: 'non-expiring', idle_token_lifetime: 1296000, infinite_idle_token_lifetime: true });
    expect(policy({ infinite_idle_token_lifetime: false, idle_token_lifetime: 3600 })).toMatchObject({
      expiration_type: 'non-expiring',
      idle_token_lifetime: 3600,
      infinite_idle_token_lifetime: false,
    });
    expect(policy({ rotation_type: 'rotating', idle_token_lifetime: 600 })).toMatchObject({ idle_token_lifetime: 600, infinite_idle_token_lifetime: false });
    expect(policy({ rotation_type: 'rotating', token_lifetime: 3600 })).toMatchObject({ idle_token_lifetime: 3600, infinite_idle_token_lifetime: false });
    expect(policy({ rotation_type: 'rotating', infinite_idle_token_lifetime: true, idle_token_lifetime: 99999999 })).toMatchObject({
      infinite_idle_token_lifetime: true,
    });
    expect(policy({ rotation_type: 'rotating', idle_token_lifetime: null })).toMatchObject({ idle_token_lifetime: 1296000 });
  });

  it.each([
    [{ refresh_token: 'yes' }, 'clients[0].refresh_token: must be an object'],
    [{ refresh_token: { rotation_type: 'sometimes' } }, 'clients[0].refresh_token.rotation_type'],
    [{ refresh_token: { leeway: -1 } }, 'clients[0].refresh_token.leeway'],
    [{ refresh_token: { token_lifetime: 1.5 } }, 'clients[0].refresh_token.token_lifetime'],
    [{ refresh_token: { rotation_type: 'rotating', idle_token_lifetime: 0 } }, 'clients[0].refresh_token.idle_token_lifetime'],
    [{ refresh_token: { rotation_type: 'rotating', idle_token_lifetime: '600' } }, 'clients[0].refresh_token.idle_token_lifetime'],
    [
      { refresh_token: { rotation_type: 'rotating', token_lifetime: 3600, idle_token_lifetime: 3601 } },
      'clients[0].refresh_token.idle_token_lifetime: must not exceed token_lifetime',
    ],
    [{ refresh_token: { infinite_idle_token_lifetime: 'no' } }, 'clients[0].refresh_token.infinite_idle_token_lifetime'],
    [{ token_endpoint_auth_method: 'private_key_jwt' }, 'clients[0].token_endpoint_auth_method'],
    [{ token_endpoint_auth_method: 'client_secret_post' }, 'clients[0].client_secret'],
  ])('refuses %j naming the path', (raw, path) => {
    expect(() => normalizeTokenLifecycle(raw, 'clients[0]')).toThrow(ConfigurationError);
    expect(() => normalizeTokenLifecycle(raw, 'clients[0]')).toThrow(path);
  });

  it('is applied by normalizeConfig', () => {
    const config = normalizeConfig({
      issuer: 'https://a.example/',
      clients: [{ client_id: 'app', token_endpoint_auth_method: 'none', refresh_token: { rotation_type: 'rotating', leeway: 3 } }],
      connections: [],
    });
    expect(config.clients[0]).toMatchObject({ token_endpoint_auth_method: 'none', refresh_token: { leeway: 3 } });
  });
});
