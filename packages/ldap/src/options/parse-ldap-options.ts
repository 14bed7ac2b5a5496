import { optionReader } from '@oauth-ro/core/ports';
import { FilterParser } from 'ldapts';
import { parseAttributeMap } from './parse-attribute-map.js';
import type { LdapOptions } from './types.js';

/**
 * Matches a login by account name or UPN, so `jdoe`, `jdoe@corp.example.com` and `CORP\jdoe` all work.
 *
 * @example
 * parseLdapOptions({ ldap_url, ldap_base }, path).userFilter === DEFAULT_USER_FILTER; // when ldap_user_by_name is unset
 */
export const DEFAULT_USER_FILTER = '(|(sAMAccountName={0})(userPrincipalName={0}))';

const KNOWN = new Set([
  'ldap_url', 'ldap_base', 'ldap_bind_user', 'ldap_bind_password', 'ldap_user_by_name', 'ldap_bind_mode',
  'ldap_user_bind_dn', 'ldap_domain', 'ldap_starttls', 'ldap_tls_ca', 'ldap_tls_servername',
  'ldap_connect_timeout_ms', 'ldap_timeout_ms', 'ldap_pool_size', 'ldap_idle_timeout_ms',
  'ldap_health_check_after_ms', 'ldap_nested_groups', 'ldap_attribute_map',
]);

/**
 * Validates the options of one `ad` connection, once, into typed values. Throws a
 * `ConfigurationError` naming `<path>.<option>` (e.g. `connections[2].options.ldap_url`).
 * Keys that do not start with `ldap_` are left alone (Auth0 exports carry others).
 *
 * @example
 * const options = parseLdapOptions(connection.options, 'connections[2].options');
 */
export function parseLdapOptions(raw: Readonly<Record<string, unknown>>, path: string): LdapOptions {
  const read = optionReader(raw, path);
  for (const key of Object.keys(raw)) {
    if (key.startsWith('ldap_') && !KNOWN.has(key)) read.fail(key, `is not an option of the ad strategy (known: ${[...KNOWN].join(', ')})`);
  }
  const url = read.string('ldap_url') ?? read.fail('ldap_url', 'is required (ldap://host or ldaps://host)');
  const secure = checkUrl(url, (problem) => read.fail('ldap_url', problem));
  const base = read.string('ldap_base') ?? read.fail('ldap_base', 'is required (e.g. DC=corp,DC=example,DC=com)');
  const bindUser = read.string('ldap_bind_user');
  const bindPassword = read.string('ldap_bind_password');
  if ((bindUser === undefined) !== (bindPassword === undefined)) {
    read.fail(bindUser === undefined ? 'ldap_bind_user' : 'ldap_bind_password', 'ldap_bind_user and ldap_bind_password go together');
  }
  const rawMode = read.string('ldap_bind_mode') ?? (bindUser === undefined ? 'direct' : 'search');
  if (rawMode !== 'search' && rawMode !== 'direct') read.fail('ldap_bind_mode', 'must be "search" or "direct"');
  const mode = rawMode as LdapOptions['bindMode'];
  if (mode === 'search' && bindUser === undefined) {
    read.fail('ldap_bind_user', 'is required in search mode (or set ldap_bind_mode to "direct" with ldap_user_bind_dn)');
  }
  const userBindDn = read.string('ldap_user_bind_dn');
  if (mode === 'direct') {
    if (userBindDn === undefined) read.fail('ldap_user_bind_dn', 'is required in direct mode (e.g. "{0}@corp.example.com", "CORP\\\\{0}" or "uid={0},ou=people,dc=example,dc=org")');
    else if (!userBindDn.includes('{0}')) read.fail('ldap_user_bind_dn', 'must contain {0}');
  }
  const userFilter = read.string('ldap_user_by_name') ?? DEFAULT_USER_FILTER;
  checkFilter(userFilter, (problem) => read.fail('ldap_user_by_name', problem));
  const startTls = read.boolean('ldap_starttls', false);
  if (startTls && secure) read.fail('ldap_starttls', 'cannot be combined with an ldaps:// URL');
  const tlsCa = read.pems('ldap_tls_ca');
  const tlsServername = read.string('ldap_tls_servername');
  if ((tlsCa || tlsServername) && !secure && !startTls) {
    read.fail(tlsCa ? 'ldap_tls_ca' : 'ldap_tls_servername', 'needs an ldaps:// URL or ldap_starttls: true');
  }
  const domain = read.string('ldap_domain');
  if (domain !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(domain)) read.fail('ldap_domain', 'must be a NetBIOS or DNS domain name');
  return {
    url,
    base,
    bindMode: mode,
    ...(bindUser === undefined ? {} : { bindUser, bindPassword }),
    userFilter,
    ...(userBindDn === undefined || mode !== 'direct' ? {} : { userBindDn }),
    ...(domain === undefined ? {} : { domain }),
    startTls,
    ...(tlsCa === undefined ? {} : { tlsCa }),
    ...(tlsServername === undefined ? {} : { tlsServername }),
    connectTimeoutMs: read.integer('ldap_connect_timeout_ms', 5_000, 100, 60_000),
    timeoutMs: read.integer('ldap_timeout_ms', 5_000, 100, 120_000),
    poolSize: read.integer('ldap_pool_size', 4, 1, 64),
    idleTimeoutMs: read.integer('ldap_idle_timeout_ms', 60_000, 1_000, 3_600_000),
    healthCheckAfterMs: read.integer('ldap_health_check_after_ms', 15_000, 0, 3_600_000),
    nestedGroups: read.boolean('ldap_nested_groups', false),
    attributes: parseAttributeMap(read),
  };
}

/** Returns whether the URL is ldaps://; reports anything ldapts would not take. */
function checkUrl(url: string, fail: (problem: string) => never): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('must be a URL such as ldaps://dc1.corp.example.com');
  }
  if (parsed.protocol !== 'ldap:' && parsed.protocol !== 'ldaps:') fail('must start with ldap:// or ldaps://');
  if (!parsed.hostname) fail('must name a host');
  if ((parsed.pathname && parsed.pathname !== '/') || parsed.search || parsed.hash || parsed.username || parsed.password) {
    fail('must be scheme, host and port only (the base DN goes in ldap_base)');
  }
  return parsed.protocol === 'ldaps:';
}

function checkFilter(filter: string, fail: (problem: string) => never): void {
  if (!filter.includes('{0}')) fail('must contain {0} where the login name goes, e.g. (sAMAccountName={0})');
  if (!filter.startsWith('(') || !filter.endsWith(')')) fail('must be a parenthesised LDAP filter');
  try {
    FilterParser.parseString(filter.replaceAll('{0}', 'x'));
  } catch (error) {
    fail(`is not a valid LDAP filter (${(error as Error).message})`);
  }
}
