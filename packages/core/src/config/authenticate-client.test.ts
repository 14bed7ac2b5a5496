import { describe, expect, it } from 'vitest';
import { authenticateClient } from './authenticate-client.js';
import { normalizeConfig } from './normalize-config.js';
import { indexConfig } from './resolve-client.js';

const index = indexConfig(
  normalizeConfig({
    issuer: 'https://a.example/',
    clients: [
      { client_id: 'web', client_secret: 'the-web-secret' },
      { client_id: 'mobile', client_secret: 'unused-secret', token_endpoint_auth_method: 'none' },
      { client_id: 'spa' },
    ],
    connections: [],
  }),
);

const basic = (id: string, secret: string) => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;

describe('authenticateClient', () => {
  it('needs the secret of a confidential client, in the body or HTTP Basic', () => {
    expect(authenticateClient(index, { client_id: 'web', client_secret: 'the-web-secret' }).ok).toBe(true);
    expect(authenticateClient(index, { authorization: basic('web', 'the-web-secret') }).ok).toBe(true);
    for (const credentials of [
      { client_id: 'web' },
      { client_id: 'web', client_secret: 'the-web-secreT' },
      { client_id: 'web', client_secret: 'the-web-secret-longer' },
      { authorization: basic('web', 'nope') },
      { client_id: 'spa', authorization: basic('web', 'the-web-secret') },
    ]) {
      const result = authenticateClient(index, credentials);
      expect(result.ok, JSON.stringify(credentials)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_client');
    }
  });

  it('identifies public clients by id, and checks a secret if one is sent anyway', () => {
    expect(authenticateClient(index, { client_id: 'spa' }).ok).toBe(true);
    expect(authenticateClient(index, { client_id: 'mobile' }).ok).toBe(true);
    expect(authenticateClient(index, { client_id: 'mobile', client_secret: 'wrong' }).ok).toBe(false);
    expect(authenticateClient(index, { client_id: 'spa', client_secret: 'anything' }).ok).toBe(false);
  });

  it('refuses unknown and missing clients alike', () => {
    expect(authenticateClient(index, { client_id: 'nope' }).ok).toBe(false);
    expect(authenticateClient(index, {}).ok).toBe(false);
    expect(authenticateClient(index, { authorization: 'Basic !!!' }).ok).toBe(false);
  });
});
