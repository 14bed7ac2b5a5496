const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * The path of a value inside the configuration, written the way core's `ConfigurationError` writes
 * it: `connections[1].options.ldap_bind_password`.
 *
 * @example
 * childPath('connections[1]', 'options'); // 'connections[1].options'
 * childPath('clients', 0);                // 'clients[0]'
 * childPath('', 'issuer');                // 'issuer'
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
