import { describe, expect, it } from 'vitest';
import { combineStores } from './combine-stores.js';
import type { CodeStore } from './code-store.js';
import type { KeyStore } from './key-store.js';
import type { StoreBundle } from './store-bundle.js';
import type { UserStore } from './user-store.js';

const port = <T>(label: string) => ({ label }) as unknown as T;

function bundle<P extends object>(name: string, ports: P, log: string[], failPing = false) {
  return {
    ...ports,
    name,
    description: `${name}://somewhere`,
    async ping() {
      log.push(`ping ${name}`);
      if (failPing) throw new Error(`${name} is away`);
    },
    async close() {
      log.push(`close ${name}`);
    },
  };
}

describe('combineStores', () => {
  const users = port<UserStore>('users');
  const keys = port<KeyStore>('keys');
  const sqlCodes = port<CodeStore>('sql codes');
  const redisCodes = port<CodeStore>('redis codes');
  const redisTickets = port<CodeStore>('redis tickets');

  it('takes the primary ports, replaced by an overlay, one readiness check per store, one description', async () => {
    const log: string[] = [];
    const primary: StoreBundle<'users' | 'keys'> = bundle('database', { users, keys, codes: sqlCodes }, log);
    const stores = combineStores(primary, bundle('redis', { codes: redisCodes }, log));
    expect(stores.users).toBe(users);
    expect(stores.keys).toBe(keys);
    expect(stores.codes).toBe(redisCodes);
    expect(stores.description).toBe('database://somewhere + redis://somewhere');
    expect(Object.keys(stores.readiness)).toEqual(['database', 'redis']);
    await stores.readiness.redis!();
    expect(log).toEqual(['ping redis']);
  });

  it('lends only the named ports of a { store, ports } overlay', () => {
    const primary = bundle('database', { users, keys, codes: sqlCodes }, []);
    const stores = combineStores(primary, { store: bundle('redis', { codes: redisCodes, tickets: redisTickets }, []), ports: ['codes'] });
    expect(stores.codes).toBe(redisCodes);
    expect(stores).not.toHaveProperty('tickets');
  });

  it('pings every store (failing when one fails), closes every store (overlays first) even when one fails', async () => {
    const log: string[] = [];
    const broken = { ...bundle('redis', {}, log, true), close: async () => { log.push('close redis'); throw new Error('already gone'); } };
    const stores = combineStores(bundle('database', { users, keys }, log), broken, bundle('redis', {}, log));
    expect(Object.keys(stores.readiness)).toEqual(['database', 'redis', 'redis-2']);
    await expect(stores.ping()).rejects.toThrow('redis is away');
    log.length = 0;
    await stores.close();
    expect(log).toEqual(['close redis', 'close redis', 'close database']);
  });
});
