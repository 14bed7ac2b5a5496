import type { CoreDeps } from '../ports/deps.js';

/** The stores {@link pruneExpired} sweeps, by their name in {@link CoreDeps}. */
export type PrunableStore = 'refreshTokens' | 'codes' | 'counters' | 'usedAssertions' | 'tickets' | 'mfaEnrollments';

/** How many records each store deleted; a store that is absent or cannot prune is left out. */
export type PruneCounts = Partial<Record<PrunableStore, number>>;

/** A store whose prune threw (an outage); the others were still swept. */
export interface PruneFailure {
  readonly store: PrunableStore;
  /** The error's message; stores never put a secret in one. */
  readonly message: string;
}

/** What one {@link pruneExpired} run did. */
export interface PruneReport {
  readonly pruned: PruneCounts;
  readonly failed: readonly PruneFailure[];
}

/** Options of {@link pruneExpired}; the defaults suit a deployment that runs for years. */
export interface PruneOptions {
  /**
   * How long refresh tokens are kept after they expired or were revoked (default 7 days): nothing
   * accepts them any more, but support can still find a token by hash and see why it failed, and
   * no instance with a lagging clock can still think one valid.
   */
  readonly refreshTokenRetentionMs?: number;
  /**
   * How long codes, counters and assertion markers are kept after they ended (default 1 hour):
   * more than any clock skew between instances sharing a store, so none is deleted while another
   * instance may still count it live.
   */
  readonly graceMs?: number;
  /**
   * How long an MFA enrolment may stay pending (begun, never confirmed) before it is deleted
   * (default 7 days): longer than an enrolment ticket lives (5 days), so no ticket page can still
   * confirm it; a user who got `mfa_settings` at login and never sent a code is given a new key at
   * the next login. Confirmed enrolments are never pruned.
   */
  readonly pendingEnrollmentRetentionMs?: number;
}

/** Default of {@link PruneOptions.refreshTokenRetentionMs}. */
export const REFRESH_TOKEN_RETENTION_MS = 7 * 86_400_000;
/** Default of {@link PruneOptions.graceMs}. */
export const PRUNE_GRACE_MS = 3_600_000;
/** Default of {@link PruneOptions.pendingEnrollmentRetentionMs}. */
export const PENDING_ENROLLMENT_RETENTION_MS = 7 * 86_400_000;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Deletes what can no longer matter from every store in `deps` that can prune: refresh tokens
 * expired or revoked more than the retention ago (and families whose every token went idle past its
 * `idle_expires_at` more than the retention ago), passwordless codes, counter windows and Touch ID
 * replay markers that ended more than the grace ago, tickets past their expiry, and MFA enrolments
 * left pending (never confirmed) for longer than their retention. Returns the counts per store; a store that
 * fails is reported and the others are still swept.
 *
 * Refresh tokens that were rotated but whose family is alive are never deleted (the stores prune
 * only expired or revoked tokens and wholly idle-expired families): presenting one after the
 * leeway is what reveals reuse and revokes the family, so it must stay until the family itself
 * expires, goes idle or is revoked. Signing keys are left
 * to the key ring, which deletes retired keys on each rotation once no token they signed can still
 * be valid (it alone knows the longest token lifetime).
 *
 * Each store prunes in one statement keyed on time, so running this again, or on several instances
 * at once, deletes every record once and nothing else.
 *
 * @example
 * const { pruned, failed } = await pruneExpired(deps);
 * logger.info({ pruned }, 'pruned expired records'); // { refreshTokens: 12, codes: 3, counters: 40, usedAssertions: 0, tickets: 0, mfaEnrollments: 1 }
 */
export async function pruneExpired(
  deps: Pick<CoreDeps, 'clock' | 'refreshTokens' | 'codes' | 'counters' | 'usedAssertions' | 'tickets' | 'mfaEnrollments'>,
  options: PruneOptions = {},
): Promise<PruneReport> {
  const now = deps.clock.now();
  const shortBefore = now - (options.graceMs ?? PRUNE_GRACE_MS);
  const sweeps: [PrunableStore, ((before: number) => Promise<number>) | undefined, number][] = [
    ['refreshTokens', deps.refreshTokens?.prune.bind(deps.refreshTokens), now - (options.refreshTokenRetentionMs ?? REFRESH_TOKEN_RETENTION_MS)],
    ['codes', deps.codes?.prune.bind(deps.codes), shortBefore],
    ['counters', deps.counters?.prune?.bind(deps.counters), shortBefore],
    ['usedAssertions', deps.usedAssertions?.prune?.bind(deps.usedAssertions), shortBefore],
    ['tickets', deps.tickets?.prune.bind(deps.tickets), shortBefore],
    ['mfaEnrollments', deps.mfaEnrollments?.prunePending.bind(deps.mfaEnrollments), now - (options.pendingEnrollmentRetentionMs ?? PENDING_ENROLLMENT_RETENTION_MS)],
  ];
  const pruned: PruneCounts = {};
  const failed: PruneFailure[] = [];
  for (const [store, prune, before] of sweeps) {
    if (!prune) continue;
    try {
      pruned[store] = await prune(before);
    } catch (error) {
      failed.push({ store, message: describeError(error) });
    }
  }
  return { pruned, failed };
}
