import { describe, expect, it } from 'vitest';
import { describeUrl, resolveUrl } from './resolve-url.js';
import { resolveOptions } from './resolve-options.js';

describe('resolveUrl', () => {
  it('takes ?schema= off the URL into the options, keeping the other parameters', () => {
    expect(resolveUrl('postgres://u:p@db:5432/oauth?schema=tenant_a&sslmode=require')).toEqual({
      url: 'postgres://u:p@db:5432/oauth?sslmode=require',
      options: { schema: 'tenant_a' },
    });
    expect(resolveUrl('postgresql://db/oauth', { max: 3 })).toEqual({ url: 'postgresql://db/oauth', options: { max: 3 } });
  });

  it('refuses a schema that is not a plain identifier (it is spliced into search_path), and two different schemas', () => {
    expect(() => resolveOptions(resolveUrl('postgres://db/oauth?schema=a;drop').options)).toThrow(/schema must be a plain identifier/);
    expect(() => resolveUrl('postgres://db/oauth?schema=a', { schema: 'b' })).toThrow(/^schema given twice/);
    expect(resolveUrl('postgres://db/oauth?schema=a', { schema: 'a' }).options.schema).toBe('a');
  });

  it('refuses a URL that does not parse without echoing it', () => {
    expect(() => resolveUrl('postgres://u:hunter2@db:port/x')).toThrow(/^not a valid postgres:\/\/ URL$/);
  });

  it('describes a store by host and schema, never by user or password', () => {
    expect(describeUrl('postgres://u:hunter2@db:5432/oauth', 'public')).toBe('postgres://db:5432');
    expect(describeUrl('postgres://u:hunter2@db:5432/oauth', 'tenant_a')).toBe('postgres://db:5432 (schema tenant_a)');
  });
});
