import type { KeyStore, StorePorts, UserStore } from '@oauth-ro/core';

/**
 * One fresh, empty set of stores for one test: the storage ports (optional in core's deps, but every
 * store set is expected to bring those a suite tests: it fails without them).
 */
export type StoresUnderTest = StorePorts & {
  readonly users: UserStore;
  readonly keys: KeyStore;
  /** Releases whatever the stores hold (connections, files); called after every test. */
  close(): void | Promise<void>;
};

/**
 * Makes fresh, empty stores, called before every test of the suite. Stores that share a server
 * (PostgreSQL, Redis) empty their tables or key space here.
 */
export type StoreFactory = () => StoresUnderTest | Promise<StoresUnderTest>;
