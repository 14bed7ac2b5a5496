import { describe, expect, it } from 'vitest';
import { StartupError } from '../config/startup-error.js';
import { defaultIssuer } from './default-issuer.js';
import { readEnvironment } from './read-environment.js';

function failure(env: Record<string, string>): string {
  try {
    readEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  }
  throw new Error('expected a StartupError');
}

describe('readEnvironment', () => {
  it('reads how /user/geoloc/country answers, and refuses what cannot be a country or a header', () => {
    expect(readEnvironment({}).geoloc).toBeUndefined();
    expect(readEnvironment({ OAUTH_RO_GEOLOC_COUNTRY: 'de', OAUTH_RO_GEOLOC_HEADER: 'CF-IPCountry' }).geoloc).toEqual({ defaultCountry: 'de', countryHeader: 'CF-IPCountry' });
    expect(failure({ OAUTH_RO_GEOLOC_COUNTRY: 'Germany' })).toBe('OAUTH_RO_GEOLOC_COUNTRY: must be a two-letter country code');
    expect(failure({ OAUTH_RO_GEOLOC_HEADER: 'cf ipcountry' })).toBe('OAUTH_RO_GEOLOC_HEADER: must be a header name');
  });

  it('applies the defaults of docs/spec.md §1 (empty values count as unset)', () => {
    expect(readEnvironment({ PORT: '', OAUTH_RO_CONFIG: ' ' })).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'sqlite', url: 'sqlite:./data/oauth-ro.db' },
      logLevel: 'info',
      trustProxy: false,
      pruneIntervalSeconds: 3600,
    });
  });

  it('reads every variable', () => {
    expect(
      readEnvironment({
        PORT: '8080',
        HOST: '0.0.0.0',
        OAUTH_RO_CONFIG: 'oauth-ro.yaml',
        OAUTH_RO_DATABASE: 'postgres://u:p@db/oauth',
        OAUTH_RO_REDIS: 'redis://127.0.0.1:6379',
        OAUTH_RO_ISSUER: 'https://auth.example.com',
        OAUTH_RO_LOG_LEVEL: 'warn',
        OAUTH_RO_TRUST_PROXY: '1',
        OAUTH_RO_PRUNE_INTERVAL_SECONDS: '600',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      configFile: 'oauth-ro.yaml',
      database: { kind: 'postgres', url: 'postgres://u:p@db/oauth' },
      redis: 'redis://127.0.0.1:6379',
      issuer: 'https://auth.example.com/',
      logLevel: 'warn',
      trustProxy: 1,
      pruneIntervalSeconds: 600,
    });
  });

  it('chooses the store by scheme and leaves the rest of the URL to it (sqlite:<path>, a bare path, postgres://…?schema=)', () => {
    expect(readEnvironment({ OAUTH_RO_DATABASE: 'sqlite:///var/lib/o.db' }).database).toEqual({ kind: 'sqlite', url: 'sqlite:///var/lib/o.db' });
    expect(readEnvironment({ OAUTH_RO_DATABASE: 'sqlite::memory:' }).database).toEqual({ kind: 'sqlite', url: 'sqlite::memory:' });
    expect(readEnvironment({ OAUTH_RO_DATABASE: 'data/x.db' }).database).toEqual({ kind: 'sqlite', url: 'data/x.db' });
    const postgres = 'postgresql://u:p@db:5432/oauth?schema=tenant_a&sslmode=require';
    expect(readEnvironment({ OAUTH_RO_DATABASE: postgres }).database).toEqual({ kind: 'postgres', url: postgres });
  });

  it('names the variable that is wrong, without echoing database passwords', () => {
    expect(failure({ PORT: 'http' })).toBe('PORT: must be a port number from 0 to 65535, got "http"');
    expect(failure({ PORT: '70000' })).toMatch(/^PORT: /);
    expect(failure({ OAUTH_RO_ISSUER: 'auth.example.com' })).toBe('OAUTH_RO_ISSUER: must be an http(s) URL, got "auth.example.com"');
    expect(failure({ OAUTH_RO_ISSUER: 'ftp://auth.example.com/' })).toMatch(/^OAUTH_RO_ISSUER: /);
    expect(failure({ OAUTH_RO_REDIS: 'http://x' })).toMatch(/^OAUTH_RO_REDIS: /);
    expect(failure({ OAUTH_RO_LOG_LEVEL: 'loud' })).toMatch(/^OAUTH_RO_LOG_LEVEL: must be one of/);
    const mysql = failure({ OAUTH_RO_DATABASE: 'mysql://root:hunter2@db/x' });
    expect(mysql).toMatch(/^OAUTH_RO_DATABASE: unsupported scheme "mysql"/);
    expect(mysql).not.toContain('hunter2');
  });

  it('reads OAUTH_RO_HASH_QUEUE, a whole number', () => {
    expect(readEnvironment({ OAUTH_RO_HASH_QUEUE: '16' }).hashQueue).toBe(16);
    expect(readEnvironment({}).hashQueue).toBeUndefined();
    expect(failure({ OAUTH_RO_HASH_QUEUE: '-1' })).toBe('OAUTH_RO_HASH_QUEUE: must be a whole number from 0 to 1000000, got "-1"');
    expect(failure({ OAUTH_RO_HASH_QUEUE: 'lots' })).toMatch(/^OAUTH_RO_HASH_QUEUE: /);
  });

  it('reads OAUTH_RO_HASH_LIFO_MS and OAUTH_RO_HASH_SHED_MS, whole milliseconds', () => {
    expect(readEnvironment({ OAUTH_RO_HASH_LIFO_MS: '50', OAUTH_RO_HASH_SHED_MS: '2000' })).toMatchObject({ hashLifoMs: 50, hashShedMs: 2000 });
    expect(readEnvironment({}).hashShedMs).toBeUndefined();
    expect(failure({ OAUTH_RO_HASH_SHED_MS: '1.5' })).toBe('OAUTH_RO_HASH_SHED_MS: must be a whole number of milliseconds from 0 to 600000, got "1.5"');
  });

  it('reads OAUTH_RO_PRUNE_INTERVAL_SECONDS: an hour by default, 0 for off, at most a week', () => {
    expect(readEnvironment({}).pruneIntervalSeconds).toBe(3600);
    expect(readEnvironment({ OAUTH_RO_PRUNE_INTERVAL_SECONDS: '0' }).pruneIntervalSeconds).toBe(0);
    expect(readEnvironment({ OAUTH_RO_PRUNE_INTERVAL_SECONDS: '604800' }).pruneIntervalSeconds).toBe(604_800);
    expect(failure({ OAUTH_RO_PRUNE_INTERVAL_SECONDS: '604801' })).toMatch(/^OAUTH_RO_PRUNE_INTERVAL_SECONDS: must be a whole number of seconds from 0 \(off\) to 604800/);
    expect(failure({ OAUTH_RO_PRUNE_INTERVAL_SECONDS: '1h' })).toMatch(/^OAUTH_RO_PRUNE_INTERVAL_SECONDS: /);
  });

  it('reads OAUTH_RO_ADMIN_TOKEN (32+ visible characters), refusing a short one without echoing it', () => {
    const token = 'k'.repeat(31) + 'Z';
    expect(readEnvironment({ OAUTH_RO_ADMIN_TOKEN: token }).adminToken).toBe(token);
    expect(readEnvironment({}).adminToken).toBeUndefined();
    const short = failure({ OAUTH_RO_ADMIN_TOKEN: 'hunter2-is-short' });
    expect(short).toMatch(/^OAUTH_RO_ADMIN_TOKEN: must be at least 32 characters/);
    expect(short).not.toContain('hunter2');
    expect(failure({ OAUTH_RO_ADMIN_TOKEN: `${token} with spaces` })).toMatch(/^OAUTH_RO_ADMIN_TOKEN: /);
  });
});

describe('defaultIssuer', () => {
  it('is http://{HOST}:{PORT}/, with usable names for wildcard and IPv6 addresses', () => {
    expect(defaultIssuer('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000/');
    expect(defaultIssuer('0.0.0.0', 80)).toBe('http://localhost:80/');
    expect(defaultIssuer('::', 80)).toBe('http://localhost:80/');
    expect(defaultIssuer('::1', 8080)).toBe('http://[::1]:8080/');
  });
});
