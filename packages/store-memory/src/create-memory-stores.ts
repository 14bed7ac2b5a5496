import type { StoreBundle } from '@oauth-ro/core';
import { MemoryCodeStore } from './memory-code-store.js';
import { MemoryCounterStore } from './memory-counter-store.js';
import { MemoryDeviceCredentialStore } from './memory-device-credential-store.js';
import { MemoryKeyStore } from './memory-key-store.js';
import { MemoryRefreshTokenStore } from './memory-refresh-token-store.js';
import { MemoryUsedAssertionStore } from './memory-used-assertion-store.js';
import { MemoryUserStore } from './memory-user-store.js';
import { MemoryTicketStore } from './memory-ticket-store.js';
import { MemoryPasswordHistoryStore } from './memory-password-history-store.js';
import { MemoryMfaEnrollmentStore } from './memory-mfa-enrollment-store.js';

/**
 * Every store oauth-ro needs, in memory: a `StoreBundle` named `memory` (its `ping` always answers,
 * its `close` forgets nothing; the state goes with the process).
 *
 * @example const { users, keys } = createMemoryStores();
 */
export function createMemoryStores() {
  return {
    name: 'memory',
    description: 'memory',
    async ping(): Promise<void> {},
    async close(): Promise<void> {},
    users: new MemoryUserStore(),
    keys: new MemoryKeyStore(),
    refreshTokens: new MemoryRefreshTokenStore(),
    deviceCredentials: new MemoryDeviceCredentialStore(),
    usedAssertions: new MemoryUsedAssertionStore(),
    codes: new MemoryCodeStore(),
    counters: new MemoryCounterStore(),
    tickets: new MemoryTicketStore(),
    passwordHistory: new MemoryPasswordHistoryStore(),
    mfaEnrollments: new MemoryMfaEnrollmentStore(),
  } satisfies StoreBundle<'users' | 'keys'>;
}
