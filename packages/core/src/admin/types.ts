import type { ConnectionConfig } from '../config/types.js';
import type { CoreDeps } from '../ports/deps.js';

/**
 * What the administration functions need: the stores (refresh tokens and device keys, which a
 * password change revokes), the hasher (password changes), the clock, and the audit sink for `ublkdu`. A CLI opens these from the database; the admin API passes its own.
 */
export type AdminDeps = Pick<CoreDeps, 'users' | 'hasher' | 'clock' | 'counters' | 'audit' | 'logger' | 'refreshTokens' | 'deviceCredentials'>;

/** The part of the configuration administration reads: each connection's brute-force limit and password policy. */
export interface AdminConfig {
  readonly connections: readonly ConnectionConfig[];
}

/**
 * One brute-force block: an identifier refused from one IP on one connection until `resets_at`
 * (or until an administrator unblocks it, or the user's password changes). The admin API shows
 * `{identifier, ip, connection}`, Auth0's `blocked_for` entry.
 */
export interface BruteForceBlock {
  readonly connection: string;
  /** Normalised, as logins are counted. */
  readonly identifier: string;
  readonly ip: string;
  /** Consecutive failures counted so far. */
  readonly count: number;
  /** Epoch milliseconds at which the block expires on its own. */
  readonly resets_at: number;
}
