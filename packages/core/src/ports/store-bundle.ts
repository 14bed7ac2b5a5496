import type { CodeStore } from './code-store.js';
import type { CounterStore } from './counter-store.js';
import type { DeviceCredentialStore } from './device-credential-store.js';
import type { KeyStore } from './key-store.js';
import type { MfaEnrollmentStore } from './mfa-enrollment-store.js';
import type { PasswordHistoryStore } from './password-history-store.js';
import type { RefreshTokenStore } from './refresh-token-store.js';
import type { TicketStore } from './ticket-store.js';
import type { UsedAssertionStore } from './used-assertion-store.js';
import type { UserStore } from './user-store.js';

/**
 * The storage ports of {@link CoreDeps}, each optional: a store package brings the subset it is for
 * (SQLite and PostgreSQL all of them, Redis the short-lived ones).
 *
 * @example const ports: StorePorts = { codes, counters, usedAssertions };
 */
export interface StorePorts {
  readonly users?: UserStore;
  readonly keys?: KeyStore;
  readonly refreshTokens?: RefreshTokenStore;
  readonly deviceCredentials?: DeviceCredentialStore;
  readonly usedAssertions?: UsedAssertionStore;
  readonly codes?: CodeStore;
  readonly counters?: CounterStore;
  readonly tickets?: TicketStore;
  readonly passwordHistory?: PasswordHistoryStore;
  readonly mfaEnrollments?: MfaEnrollmentStore;
}

/** The name of one storage port (`users`, `codes`, …). */
export type StorePortName = keyof StorePorts;

/** The names of every storage port, in {@link StorePorts} order. */
export const STORE_PORT_NAMES: readonly StorePortName[] = [
  'users',
  'keys',
  'refreshTokens',
  'deviceCredentials',
  'usedAssertions',
  'codes',
  'counters',
  'tickets',
  'passwordHistory',
  'mfaEnrollments',
];

/**
 * What every store package's `open…` function returns: the storage ports it provides (all optional
 * but those it declares, e.g. `StoreBundle<'users' | 'keys'>`), how to check it and how to release it.
 * The package parses its own URL (`sqlite:<path>`, `postgres://…?schema=`, `redis://…?prefix=`);
 * {@link combineStores} composes bundles into core's deps.
 *
 * @example
 * const stores: StoreBundle<'users' | 'keys'> = await openSqliteStores('sqlite:./data/oauth-ro.db');
 * await stores.ping();
 * await stores.close();
 */
export type StoreBundle<Declared extends StorePortName = never> = StorePorts & { readonly [K in Declared]-?: NonNullable<StorePorts[K]> } & StoreLifecycle;

/** The part of a {@link StoreBundle} that is not a port. */
export interface StoreLifecycle {
  /** The name of its readiness check (`database` for SQLite and PostgreSQL, `redis`, `memory`). */
  readonly name: string;
  /** Where it keeps its state, for a start-up log line (`sqlite:./data/oauth-ro.db`, `postgres://db:5432`); never a password. */
  readonly description: string;
  /** Resolves when the store answers; rejects (core's `UnavailableError` for an outage) when it does not. */
  ping(): Promise<void>;
  /** Releases connections and files; calling it again does nothing. */
  close(): Promise<void>;
}
