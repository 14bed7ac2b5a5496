import { describe } from 'vitest';
import { counterSlotsSuite } from './counter-slots.suite.js';
import { keyStoreSuite } from './key-store.suite.js';
import { passwordChangeStoreSuite } from './password-change-stores.suite.js';
import { codeStoreSuite, counterStoreSuite } from './passwordless-stores.suite.js';
import { deviceCredentialStoreSuite, refreshTokenStoreSuite, usedAssertionStoreSuite } from './token-lifecycle-stores.suite.js';
import type { StoreFactory } from './types.js';
import { userLegacyHashesSuite } from './user-legacy-hashes.suite.js';
import { userSkeletonSuite } from './user-skeleton.suite.js';
import { userCreateSuite } from './user-create.suite.js';
import { userListSuite } from './user-list.suite.js';
import { userLookupSuite } from './user-lookup.suite.js';
import { userUpdateSuite } from './user-update.suite.js';
import { passwordHistoryStoreSuite, ticketStoreSuite } from './account-stores.suite.js';
import { mfaEnrollmentStoreSuite, totpReplayMarkerSuite } from './mfa-stores.suite.js';

/**
 * The store conformance suite: every behaviour of the `UserStore`, `KeyStore`, `RefreshTokenStore`,
 * `DeviceCredentialStore`, `UsedAssertionStore`, `CodeStore` and `CounterStore` ports, tested once
 * and run against every store. `factory` is called before each test and must return fresh, empty
 * stores; `close()` is called after it.
 *
 * @example
 * describeStoreSuite('memory', () => ({ ...createMemoryStores(), close() {} }));
 * describeStoreSuite('sqlite', async () => openSqliteStores(':memory:'));
 */
export function describeStoreSuite(name: string, factory: StoreFactory): void {
  describe(`${name} store conformance`, () => {
    userLookupSuite(factory);
    userCreateSuite(factory);
    userUpdateSuite(factory);
    userListSuite(factory);
    userLegacyHashesSuite(factory);
    userSkeletonSuite(factory);
    keyStoreSuite(factory);
    refreshTokenStoreSuite(factory);
    deviceCredentialStoreSuite(factory);
    usedAssertionStoreSuite(factory);
    codeStoreSuite(factory);
    counterStoreSuite(factory);
    passwordChangeStoreSuite(factory);
    counterSlotsSuite(factory);
    ticketStoreSuite(factory);
    passwordHistoryStoreSuite(factory);
    mfaEnrollmentStoreSuite(factory);
    totpReplayMarkerSuite(factory);
  });
}
