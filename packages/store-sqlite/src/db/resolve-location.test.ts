import { describe, expect, it } from 'vitest';
import { resolveLocation } from './resolve-location.js';

describe('resolveLocation', () => {
  it.each([
    ['./data/oauth-ro.db', './data/oauth-ro.db'],
    ['/var/lib/oauth-ro/db.sqlite', '/var/lib/oauth-ro/db.sqlite'],
    ['sqlite:./data/oauth-ro.db', './data/oauth-ro.db'],
    ['sqlite:data.db', 'data.db'],
    ['sqlite:///var/lib/oauth-ro.db', '/var/lib/oauth-ro.db'],
    ['sqlite://./oauth-ro.db', './oauth-ro.db'],
    ['SQLite:/var/lib/o.db', '/var/lib/o.db'],
  ])('reads %s as the file %s', (input, path) => {
    expect(resolveLocation(input)).toEqual({ kind: 'file', path });
  });

  it.each([':memory:', 'sqlite::memory:'])('reads %s as an in-memory database', (input) => {
    expect(resolveLocation(input)).toEqual({ kind: 'memory' });
  });

  it.each(['', 'sqlite:', 'sqlite://'])('refuses %j, which names no file', (input) => {
    expect(() => resolveLocation(input)).toThrow(/names no file/);
  });

  it('refuses another URL scheme, naming the scheme but not the URL (it may carry a password)', () => {
    expect(() => resolveLocation('mysql://root:hunter2@db/x')).toThrow(/^SQLite location: unsupported scheme "mysql"$/);
  });
});
