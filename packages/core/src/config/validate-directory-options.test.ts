import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import type { Directory } from '../ports/directory.js';
import { validateDirectoryOptions } from './validate-directory-options.js';
import type { OAuthRoConfig } from './types.js';

const config = {
  issuer: 'https://auth.example.com/',
  clients: [],
  connections: [
    { name: 'db', strategy: 'auth0', enabled_clients: [], options: {} },
    { name: 'corp', strategy: 'waad', enabled_clients: [], options: { tenant_domain: 'example.com' } },
    { name: 'corp2', strategy: 'waad', enabled_clients: [], options: {} },
  ],
} as unknown as OAuthRoConfig;

function directory(seen: string[]): Directory {
  return {
    authenticate: () => Promise.reject(new Error('not called')),
    validate(connection, path) {
      seen.push(`${connection.name}@${path}`);
      if (connection.options.tenant_domain === undefined) throw new ConfigurationError(`${path}.options.tenant_domain`, 'is required');
    },
  };
}

describe('validateDirectoryOptions', () => {
  it('asks the directory of each connection’s strategy, with the connection’s path, and throws its error', () => {
    const seen: string[] = [];
    expect(() => validateDirectoryOptions(config, { directories: { waad: directory(seen) } })).toThrow(
      new ConfigurationError('connections[2].options.tenant_domain', 'is required'),
    );
    expect(seen).toEqual(['corp@connections[1]', 'corp2@connections[2]']);
  });

  it('checks nothing for directories without validate, or without directories', () => {
    expect(() => validateDirectoryOptions(config, { directories: { waad: { authenticate: () => Promise.reject(new Error('x')) } } })).not.toThrow();
    expect(() => validateDirectoryOptions(config, {})).not.toThrow();
  });
});
