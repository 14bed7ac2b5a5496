import { MemoryKeyStore } from './memory-key-store.js';
import { MemoryUserStore } from './memory-user-store.js';

/**
 * Every store oauth-ro needs, in memory.
 *
 * @example const { users, keys } = createMemoryStores();
 */
export function createMemoryStores() {
  return { users: new MemoryUserStore(), keys: new MemoryKeyStore() };
}
