import type { CodeStore, CounterStore, DeviceCredentialStore, KeyStore, PasswordHistoryStore, RefreshTokenStore, TicketStore, UsedAssertionStore, UserStore } from '@oauth-ro/core';

/** One fresh, empty set of stores for one test. */
export interface StoresUnderTest {
  readonly users: UserStore;
  readonly keys: KeyStore;
  /** Optional in core's deps, but every store set is expected to bring them: their suites fail without. */
  readonly refreshTokens?: RefreshTokenStore;
  readonly deviceCredentials?: DeviceCredentialStore;
  readonly usedAssertions?: UsedAssertionStore;
  readonly codes?: CodeStore;
  readonly counters?: CounterStore;
  readonly tickets?: TicketStore;
  readonly passwordHistory?: PasswordHistoryStore;
  /** Releases whatever the stores hold (connections, files); called after every test. */
  close(): void | Promise<void>;
}

/**
 * Makes fresh, empty stores, called before every test of the suite. Stores that share a server
 * (PostgreSQL, Redis) empty their tables or key space here.
 */
export type StoreFactory = () => StoresUnderTest | Promise<StoresUnderTest>;
