import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../config/normalize-config.js';
import { indexConfig } from '../config/resolve-client.js';
import { clientSettings, scriptLiteral } from './client-settings.js';

const config = normalizeConfig({
  issuer: 'https://acme.auth.example.com/',
  clients: [{ client_id: 'spa' }, { client_id: 'other' }],
  connections: [
    { name: 'db', strategy: 'auth0', enabled_clients: ['spa'], options: { requires_username: true, validation: { username: { min: 3, max: 20 } }, password_policy: 'good', disable_signup: true } },
    { name: 'corp', strategy: 'ad', enabled_clients: ['spa'], options: { domain: 'corp.example.com', domain_aliases: ['corp.example.org', 42] } },
    { name: 'contoso', strategy: 'waad', enabled_clients: ['spa'], options: { tenant_domain: 'contoso.onmicrosoft.com' } },
    { name: 'fabrikam', strategy: 'adfs', enabled_clients: ['spa'], options: {} },
    { name: 'sms', strategy: 'sms', enabled_clients: ['spa'], options: {} },
    { name: 'not-mine', strategy: 'auth0', enabled_clients: ['other'], options: {} },
  ],
});

describe('clientSettings (Lock 10 /client/{id}.js)', () => {
  it('describes the client’s own connections by strategy, as Lock reads them', () => {
    const index = indexConfig(config);
    expect(clientSettings(index, index.clients.get('spa')!)).toEqual({
      id: 'spa',
      tenant: 'acme',
      subscription: 'self-hosted',
      strategies: [
        {
          name: 'auth0',
          connections: [{ name: 'db', showSignup: false, showForgot: true, passwordPolicy: 'good', requires_username: true, validation: { username: { min: 3, max: 20 } } }],
        },
        { name: 'ad', connections: [{ name: 'corp', domain: 'corp.example.com', domain_aliases: ['corp.example.org'] }] },
        { name: 'waad', connections: [{ name: 'contoso', domain: 'contoso.onmicrosoft.com', domain_aliases: [] }] },
        { name: 'adfs', connections: [{ name: 'fabrikam', domain_aliases: [] }] },
        { name: 'sms', connections: [{ name: 'sms' }] },
      ],
    });
  });

  it('writes values a script tag cannot be broken out of', () => {
    expect(scriptLiteral({ a: '</script><script>alert(1)</script>', b: '\u2028\u2029' })).toBe('{"a":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>","b":"\\u2028\\u2029"}');
  });
});
