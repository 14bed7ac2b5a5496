import { ConfigurationError, type ConnectionConfig } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { parseWaadOptions } from './parse-waad-options.js';

const connection = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'contoso', strategy: 'waad', enabled_clients: [], options });

function problem(options: Record<string, unknown>): string {
  try {
    parseWaadOptions(connection(options), 'connections[3]');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseWaadOptions', () => {
  it('builds the v2.0 token and discovery URLs from the docs/spec.md §2 option names, with Microsoft as default authority', () => {
    const parsed = parseWaadOptions(connection({ tenant_domain: 'contoso.onmicrosoft.com', client_id: 'app', client_secret: 's3cret' }), 'connections[3]');
    expect(parsed).toEqual({
      tenantDomain: 'contoso.onmicrosoft.com',
      clientId: 'app',
      clientSecret: 's3cret',
      authority: 'https://login.microsoftonline.com',
      tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
      discoveryUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
    });
  });

  it('accepts a configurable authority (sovereign cloud, local fake) without a trailing slash', () => {
    const parsed = parseWaadOptions(connection({ tenant_domain: 'contoso.onmicrosoft.com', client_id: 'app', authority: 'http://127.0.0.1:4000/' }), 'c');
    expect(parsed.tokenEndpoint).toBe('http://127.0.0.1:4000/contoso.onmicrosoft.com/oauth2/v2.0/token');
    expect(parsed.clientSecret).toBeUndefined();
  });

  it('names the path of each missing or bad option', () => {
    expect(problem({ client_id: 'app' })).toMatch(/^connections\[3\]\.options\.tenant_domain: is required/);
    expect(problem({ tenant_domain: 'contoso.onmicrosoft.com' })).toMatch(/^connections\[3\]\.options\.client_id: is required/);
    expect(problem({ tenant_domain: 'a/b', client_id: 'x' })).toMatch(/options\.tenant_domain: must be a tenant/);
    expect(problem({ tenant_domain: 'common', client_id: 'x' })).toMatch(/options\.tenant_domain/);
    expect(problem({ tenant_domain: 't.example', client_id: 7 })).toMatch(/options\.client_id: must be a non-empty string/);
    expect(problem({ tenant_domain: 't.example', client_id: 'x', authority: 'http://login.example.com' })).toMatch(/options\.authority: must be an https URL/);
    expect(problem({ tenant_domain: 't.example', client_id: 'x', authority: 'https://u:p@login.example.com' })).toMatch(/options\.authority/);
    expect(problem({ tenant_domain: 't.example', client_id: 'x', authority: 'not a url' })).toMatch(/options\.authority: must be a URL/);
  });
});
