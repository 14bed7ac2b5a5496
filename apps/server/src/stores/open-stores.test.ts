import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@oauth-ro/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StartupError } from '../config/startup-error.js';
import { openStores } from './open-stores.js';

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  return (error as Error).message;
}

describe('openStores', () => {
  it('opens SQLite through its package (which creates the folder), with one readiness check named database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oauth-ro-stores-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'nested', 'deeper', 'oauth-ro.db');
    const stores = await openStores({ database: { kind: 'sqlite', url: `sqlite:${path}` } }, silentLogger);
    try {
      expect(stores.description).toBe(`sqlite:${path}`);
      expect(Object.keys(stores.readiness)).toEqual(['database']);
      await stores.readiness.database!();
      expect((await stat(path)).isFile()).toBe(true);
    } finally {
      await stores.close();
    }
  });

  it('names the variable when the store refuses its URL, never echoing a password', async () => {
    const schema = await failure(openStores({ database: { kind: 'postgres', url: 'postgres://u:hunter2@127.0.0.1:1/x?schema=a;drop' } }, silentLogger));
    expect(schema).toMatch(/^OAUTH_RO_DATABASE: cannot open PostgreSQL \(PostgreSQL schema must be a plain identifier/);
    const unparsable = await failure(openStores({ database: { kind: 'postgres', url: 'postgres://u:hunter2@db:port/x' } }, silentLogger));
    expect(unparsable).toBe('OAUTH_RO_DATABASE: cannot open PostgreSQL (not a valid postgres:// URL)');
    expect(schema + unparsable).not.toContain('hunter2');
    const empty = await failure(openStores({ database: { kind: 'sqlite', url: 'sqlite:' } }, silentLogger));
    expect(empty).toMatch(/^OAUTH_RO_DATABASE: cannot open SQLite database sqlite: \(.*names no file\)$/);
  });

  it('closes the database when Redis refuses its URL, naming OAUTH_RO_REDIS', async () => {
    const message = await failure(openStores({ database: { kind: 'sqlite', url: ':memory:' }, redis: 'redis://u:hunter2@cache:port' }, silentLogger));
    expect(message).toBe('OAUTH_RO_REDIS: cannot connect to Redis (not a valid redis:// URL)');
  });
});
