import type { ProfileSummary } from '../report/summarize-cpu-profile.js';

/** (1) Password login against raw argon2 verifies measured just before and just after it. */
export interface LoginRow {
  readonly target: string;
  readonly loginPerSecond: number;
  readonly rawBefore: number;
  readonly rawAfter: number;
  readonly ratio: number;
  /** Logins per CPU-second of the server ÷ raw verifies per CPU-second (mean of before and after). */
  readonly loginPerCpuSecond: number;
  readonly rawPerCpuSecond: number;
  readonly cpuRatio: number;
  readonly notOk: number;
}

/** (2) A non-hashing path against the bare route of the same framework, A-B-B-A. */
export interface PathRow {
  readonly target: string;
  readonly path: string;
  readonly bareDoes: string;
  readonly perSecond: number;
  readonly barePerSecond: number;
  readonly ratio: number;
  readonly perCpuSecond: number;
  readonly barePerCpuSecond: number;
  readonly cpuRatio: number;
  readonly notOk: number;
}

/** (3) The same paths against oidc-provider's client_credentials grant, measured right after. */
export interface PeerRow {
  readonly target: string;
  /** Throughput by oauth-ro path, plus the bare RS256 sign route (`bare sign`). */
  readonly perSecond: Readonly<Record<string, number>>;
  readonly perCpuSecond: Readonly<Record<string, number>>;
  readonly oidcPerSecond: number;
  readonly oidcPerCpuSecond: number;
}

/** (4) Latency at a fixed offered load below saturation. */
export interface LatencyRow {
  readonly target: string;
  readonly path: string;
  readonly offeredPerSecond: number;
  readonly share: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly ok: number;
  readonly sent: number;
}

/** (4) Memory of a server process under a flood of concurrent logins. */
export interface MemoryRow {
  readonly target: string;
  readonly connections: number;
  readonly idleMiB: number;
  readonly peakMiB: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly timeouts: number;
}

/** (5) One path on one store, against the memory store in the same run. */
export interface StoreRow {
  readonly store: string;
  readonly path: string;
  readonly perSecond: number;
  readonly vsMemory: number;
}

/** (6) Where a profiled server spent its time. */
export interface ProfileRow {
  readonly label: string;
  readonly perSecond: number;
  readonly summary: ProfileSummary;
}

/** Everything one `pnpm bench` measured. */
export interface BenchResults {
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: string;
  readonly login: LoginRow[];
  readonly paths: PathRow[];
  readonly peer: PeerRow[];
  readonly latency: LatencyRow[];
  readonly memory: MemoryRow[];
  readonly stores: StoreRow[];
  readonly profiles: ProfileRow[];
  readonly notes: string[];
}
