import { ConfigurationError } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_FILTER, parseLdapOptions } from './parse-ldap-options.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const base = {
  ldap_url: 'ldaps://dc1.corp.example.com',
  ldap_base: 'DC=corp,DC=example,DC=com',
  ldap_bind_user: 'CN=svc-auth,CN=Users,DC=corp,DC=example,DC=com',
  ldap_bind_password: 'secret',
};
const PATH = 'connections[3].options';

function failure(options: Record<string, unknown>): { path: string; problem: string } {
  try {
    parseLdapOptions(options, PATH);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return { path: (error as ConfigurationError).path, problem: (error as ConfigurationError).problem };
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseLdapOptions', () => {
  it('reads the SPEC example with defaults', () => {
    const options = parseLdapOptions({ ...base, ldap_user_by_name: '(sAMAccountName={0})', enabled_clients: 'ignored' }, PATH);
    expect(options).toMatchObject({
      url: 'ldaps://dc1.corp.example.com',
      bindMode: 'search',
      userFilter: '(sAMAccountName={0})',
      startTls: false,
      connectTimeoutMs: 5000,
      timeoutMs: 5000,
      poolSize: 4,
      nestedGroups: false,
    });
    expect(parseLdapOptions(base, PATH).userFilter).toBe(DEFAULT_USER_FILTER);
  });

  it('reads TLS, timeouts, pool, direct mode, nested groups and the attribute map', () => {
    const options = parseLdapOptions(
      {
        ldap_url: 'ldap://dc1.corp.example.com:3890',
        ldap_base: 'dc=example,dc=org',
        ldap_bind_mode: 'direct',
        ldap_user_bind_dn: 'uid={0},ou=people,dc=example,dc=org',
        ldap_starttls: true,
        ldap_tls_ca: [PEM],
        ldap_tls_servername: 'ldap.example.org',
        ldap_connect_timeout_ms: 1000,
        ldap_timeout_ms: 2000,
        ldap_pool_size: 8,
        ldap_nested_groups: true,
        ldap_attribute_map: { id: 'entryUUID', email: ['mail', 'userPrincipalName'], department: 'department' },
      },
      PATH,
    );
    expect(options).toMatchObject({ bindMode: 'direct', startTls: true, tlsCa: [PEM], tlsServername: 'ldap.example.org', poolSize: 8 });
    expect(options.attributes).toMatchObject({ id: ['entryUUID'], email: ['mail', 'userPrincipalName'], extra: { department: 'department' } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['missing url', { ...base, ldap_url: undefined }, 'ldap_url'],
    ['http url', { ...base, ldap_url: 'https://dc1' }, 'ldap_url'],
    ['url with a DN path', { ...base, ldap_url: 'ldap://dc1/DC=corp' }, 'ldap_url'],
    ['missing base', { ...base, ldap_base: '' }, 'ldap_base'],
    ['user without password', { ...base, ldap_bind_password: undefined }, 'ldap_bind_password'],
    ['filter without {0}', { ...base, ldap_user_by_name: '(sAMAccountName=x)' }, 'ldap_user_by_name'],
    ['unbalanced filter', { ...base, ldap_user_by_name: '(sAMAccountName={0}' }, 'ldap_user_by_name'],
    ['StartTLS over ldaps', { ...base, ldap_starttls: true }, 'ldap_starttls'],
    ['CA that is not PEM', { ...base, ldap_tls_ca: 'abc' }, 'ldap_tls_ca'],
    ['CA without TLS', { ...base, ldap_url: 'ldap://dc1', ldap_tls_ca: PEM }, 'ldap_tls_ca'],
    ['pool of 0', { ...base, ldap_pool_size: 0 }, 'ldap_pool_size'],
    ['timeout as text', { ...base, ldap_timeout_ms: '5000' }, 'ldap_timeout_ms'],
    ['unknown ldap_ option', { ...base, ldap_pool: 3 }, 'ldap_pool'],
    ['bad bind mode', { ...base, ldap_bind_mode: 'anonymous' }, 'ldap_bind_mode'],
    ['direct without template', { ldap_url: 'ldap://dc1', ldap_base: 'dc=x', ldap_bind_mode: 'direct' }, 'ldap_user_bind_dn'],
    ['search without service account', { ldap_url: 'ldap://dc1', ldap_base: 'dc=x', ldap_bind_mode: 'search' }, 'ldap_bind_user'],
    ['attribute map onto user_id', { ...base, ldap_attribute_map: { user_id: 'cn' } }, 'ldap_attribute_map.user_id'],
    ['attribute map with a filter', { ...base, ldap_attribute_map: { email: 'mail)(x' } }, 'ldap_attribute_map.email'],
  ])('%s → names %s', (_, options, key) => {
    expect(failure(options).path).toBe(`${PATH}.${key}`);
  });
});
