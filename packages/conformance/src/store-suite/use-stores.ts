import { afterEach, beforeEach } from 'vitest';
import type { StoreFactory, StoresUnderTest } from './types.js';

/**
 * Fresh stores for every test of the enclosing `describe`, closed after it.
 *
 * @example
 * const stores = useStores(factory);
 * it('…', async () => { await stores.current.users.findById('x'); });
 */
export function useStores(factory: StoreFactory): { readonly current: StoresUnderTest } {
  let current: StoresUnderTest | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get current(): StoresUnderTest {
      if (!current) throw new Error('stores are only available inside a test');
      return current;
    },
  };
}
