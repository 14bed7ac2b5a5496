import { normalizeConfig } from '@oauth-ro/core';
import { validateDirectoryOptions } from '@oauth-ro/core/internal';
import { describe, expect, it } from 'vitest';
import { loadDirectories } from './load-directories.js';

const silent = { info() {}, warn() {}, error() {} };

function config(connections: unknown[]) {
  return normalizeConfig({ issuer: 'https://auth.example.com/', clients: [{ client_id: 'app' }], connections });
}

const AD = {
  name: 'corp', strategy: 'ad', enabled_clients: ['app'],
  options: { ldap_url: 'ldap://127.0.0.1:1', ldap_base: 'DC=corp,DC=example,DC=com', ldap_bind_user: 'CN=svc,DC=corp,DC=example,DC=com', ldap_bind_password: 'pw' },
};
const WAAD = {
  name: 'contoso', strategy: 'waad', enabled_clients: ['app'],
  options: { tenant_domain: 'contoso.onmicrosoft.com', client_id: '00000000-0000-0000-0000-000000000001', client_secret: 'secret' },
};
const ADFS = {
  name: 'fabrikam', strategy: 'adfs', enabled_clients: ['app'],
  options: { adfs_server: 'https://adfs.fabrikam.com', entityId: 'urn:oauth-ro:fabrikam' },
};

describe('loadDirectories', () => {
  it('builds nothing for a configuration without directory connections', async () => {
    expect(await loadDirectories(config([{ name: 'db', strategy: 'auth0', enabled_clients: ['app'] }]), silent)).toEqual({});
  });

  it('builds the ad, waad and adfs directories the configuration uses', async () => {
    const directories = await loadDirectories(config([AD, WAAD, ADFS]), silent);
    expect(Object.keys(directories).sort()).toEqual(['ad', 'adfs', 'waad']);
    await Promise.all(Object.values(directories).map((d) => d.close?.()));
  });

  it.each([
    ['ad', { ...AD, options: { ldap_base: 'DC=corp' } }, 'connections[1].options.ldap_url'],
    ['waad', { ...WAAD, options: {} }, 'connections[1].options.tenant_domain'],
    ['adfs', { ...ADFS, options: {} }, 'connections[1].options.adfs_server'],
  ])('refuses bad %s options at start, naming the path (loading them, then the check createOAuthRo runs)', async (_strategy, connection, path) => {
    const db = { name: 'db', strategy: 'auth0', enabled_clients: ['app'] };
    const loaded = config([db, connection]);
    const error = await loadDirectories(loaded, silent)
      .then((directories) => validateDirectoryOptions(loaded, { directories }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConfigurationError', path });
  });
});
