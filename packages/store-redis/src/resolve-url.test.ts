import { describe, expect, it } from 'vitest';
import { resolveUrl } from './resolve-url.js';

describe('resolveUrl', () => {
  it('takes ?prefix= off the URL into the options', () => {
    expect(resolveUrl('redis://u:p@cache:6379/2?prefix=prod')).toEqual({ url: 'redis://u:p@cache:6379/2', options: { prefix: 'prod' } });
    expect(resolveUrl('rediss://cache:6380', { commandTimeoutMs: 1 })).toEqual({ url: 'rediss://cache:6380', options: { commandTimeoutMs: 1 } });
  });

  it('refuses two different prefixes, and a URL that does not parse without echoing it', () => {
    expect(() => resolveUrl('redis://cache?prefix=a', { prefix: 'b' })).toThrow(/^prefix given twice/);
    expect(() => resolveUrl('redis://u:hunter2@cache:port')).toThrow(/^not a valid redis:\/\/ URL$/);
  });
});
