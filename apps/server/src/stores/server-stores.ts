import type { CoreDeps } from '@oauth-ro/core';
import type { ReadinessChecks } from '@oauth-ro/core/ports';

/** The storage ports of core's deps. */
export type StorePorts = Pick<
  CoreDeps,
  'users' | 'keys' | 'refreshTokens' | 'deviceCredentials' | 'usedAssertions' | 'codes' | 'counters' | 'tickets' | 'passwordHistory'
>;

/** The stores the server runs on, and how to release them. */
export interface ServerStores extends StorePorts {
  /** For the start-up log; never carries a password. */
  readonly description: string;
  /**
   * Resolves when every store answers; rejects (with core's `UnavailableError` for an outage) when
   * one does not. Behind `GET /health?ready`.
   */
  ping(): Promise<void>;
  /** Each store's `ping` by name (`database`, `redis`), for core's `GET /health/ready`. */
  readonly readiness: ReadinessChecks;
  close(): Promise<void>;
}

/**
 * The storage ports present in a store package's result (packages offer different subsets).
 *
 * @example const ports = pickStorePorts(await openPostgresStores(url)); // { users, keys, refreshTokens, … }
 */
export function pickStorePorts(stores: StorePorts): StorePorts {
  const { users, keys, refreshTokens, deviceCredentials, usedAssertions, codes, counters, tickets, passwordHistory } = stores;
  return {
    users,
    keys,
    ...(refreshTokens === undefined ? {} : { refreshTokens }),
    ...(deviceCredentials === undefined ? {} : { deviceCredentials }),
    ...(usedAssertions === undefined ? {} : { usedAssertions }),
    ...(codes === undefined ? {} : { codes }),
    ...(counters === undefined ? {} : { counters }),
    ...(tickets === undefined ? {} : { tickets }),
    ...(passwordHistory === undefined ? {} : { passwordHistory }),
  };
}
