import type { KeyStore, UserStore } from '@oauth-ro/core';

/** One fresh, empty set of stores for one test. */
export interface StoresUnderTest {
  readonly users: UserStore;
  readonly keys: KeyStore;
  /** Releases whatever the stores hold (connections, files); called after every test. */
  close(): void | Promise<void>;
}

/**
 * Makes fresh, empty stores, called before every test of the suite. Stores that share a server
 * (PostgreSQL, Redis) empty their tables or key space here.
 */
export type StoreFactory = () => StoresUnderTest | Promise<StoresUnderTest>;
