import type { Logger } from '@oauth-ro/core/ports';
import { bindServiceAccount } from '../bind/bind-service-account.js';
import { readRootDse } from '../bind/read-root-dse.js';
import { createLatencyTracker, type LatencyTracker } from '../login/latency-tracker.js';
import type { LdapOptions } from '../options/types.js';
import { requestedAttributes } from '../profile/map-profile.js';
import { openClient } from '../pool/create-client.js';
import { createPool, type Pool } from '../pool/create-pool.js';

/** Everything one `ad` connection keeps between logins. */
export interface ConnectionState {
  readonly name: string;
  readonly options: LdapOptions;
  /** The attributes every user search asks for (computed once). */
  readonly attributes: string[];
  /** Attributes ldapts must hand over as bytes (the id: objectGUID is binary). */
  readonly binaryAttributes: string[];
  /** Service-account connections for searches (search mode only). */
  readonly search: Pool;
  /** Connections for user binds, never used for the service account's searches. */
  readonly bind: Pool;
  /** How long the directory takes to refuse a wrong password for an existing user. */
  readonly failedBind: LatencyTracker;
  readonly logger?: Logger;
}

/**
 * Builds the pools of one connection. Nothing connects until the first login.
 *
 * @example
 * const state = createConnectionState('corp', parseLdapOptions(connection.options, 'connections[2].options'));
 */
export function createConnectionState(name: string, options: LdapOptions, logger?: Logger): ConnectionState {
  const common = {
    size: options.poolSize,
    acquireTimeoutMs: options.timeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
    healthCheckAfterMs: options.healthCheckAfterMs,
    open: () => openClient(options),
    healthCheck: readRootDse,
  };
  return {
    name,
    options,
    attributes: requestedAttributes(options.attributes),
    binaryAttributes: [...options.attributes.id],
    search: createPool({ ...common, prepare: (client) => bindServiceAccount(client, options) }),
    bind: createPool(common),
    failedBind: createLatencyTracker(),
    ...(logger ? { logger } : {}),
  };
}
