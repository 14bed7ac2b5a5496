import { ConfigurationError } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import { resolveEnvReferences } from './resolve-env-references.js';

describe('resolveEnvReferences', () => {
  it('replaces "env:NAME" values anywhere in the tree, including arrays, and leaves the rest', () => {
    const raw = {
      issuer: 'https://auth.example.com/',
      clients: [{ client_id: 'a', client_secret: 'env:A_SECRET', lifetime: 10, flag: true, none: null }],
      connections: [{ options: { thumbprints: ['env:THUMB', 'literal'], nested: { deep: 'env:DEEP' } } }],
    };
    const out = resolveEnvReferences(raw, { A_SECRET: 's3cret', THUMB: 'ab12', DEEP: 'x' });
    expect(out).toEqual({
      issuer: 'https://auth.example.com/',
      clients: [{ client_id: 'a', client_secret: 's3cret', lifetime: 10, flag: true, none: null }],
      connections: [{ options: { thumbprints: ['ab12', 'literal'], nested: { deep: 'x' } } }],
    });
    expect(raw.clients[0]!.client_secret).toBe('env:A_SECRET');
  });

  it('keeps an empty variable as an empty string (the validator then says what it needs)', () => {
    expect(resolveEnvReferences({ a: 'env:EMPTY' }, { EMPTY: '' })).toEqual({ a: '' });
  });

  it('names the path and the variable when the variable is not set', () => {
    const raw = { connections: [{}, { options: { ldap_bind_password: 'env:LDAP_PW' } }] };
    try {
      resolveEnvReferences(raw, {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).path).toBe('connections[1].options.ldap_bind_password');
      expect((error as ConfigurationError).problem).toBe('environment variable LDAP_PW is not set');
    }
  });

  it('refuses a reference that does not name a variable', () => {
    expect(() => resolveEnvReferences({ a: ['env:not a name'] }, {})).toThrow(/^a\[0\]: "env:" must be followed/);
  });

  it('quotes keys that are not identifiers in paths, and keeps "__proto__" a plain key', () => {
    expect(() => resolveEnvReferences({ 'odd key': 'env:MISSING' }, {})).toThrow('["odd key"]: environment variable MISSING');
    const out = resolveEnvReferences(JSON.parse('{"__proto__": {"polluted": "env:P"}}'), { P: 'yes' }) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
