import type { ProfileSummary } from '../report/summarize-cpu-profile.js';
import type { PeersResult } from './run-peers.js';
import type { ScaleStoreResult } from '../scale/scale-results.js';

/** (1) Password login against raw argon2 verifies measured just before and just after it. */
export interface LoginRow {
  readonly target: string;
  /** Over all rounds. */
  readonly loginPerSecond: number;
  /** Mean of the raw runs that bracket the rounds. */
  readonly rawPerSecond: number;
  /** Median over rounds of logins/s ÷ the mean of the raw runs just before and just after; and the rounds' range. */
  readonly ratio: number;
  readonly ratioRange: readonly [number, number];
  readonly loginPerCpuSecond: number;
  readonly rawPerCpuSecond: number;
  /** The same per CPU-second of each process. */
  readonly cpuRatio: number;
  readonly cpuRatioRange: readonly [number, number];
  readonly notOk: number;
  /** CPU milliseconds per login by thread: the event loop, the hashing threads, all others (libuv's pool, V8). */
  readonly cpuMsPerLogin: { readonly main: number; readonly hashing: number; readonly other: number };
}

/** Raw argon2 verifies with libuv's pool cut to the core count: the hasher's own physical limit. */
export interface RawAtCores {
  readonly threads: number;
  readonly perSecond: number;
  readonly perCpuSecond: number;
}

/** (2) A non-hashing path against the bare route of the same framework, A-B-B-A. */
export interface PathRow {
  readonly target: string;
  readonly path: string;
  readonly bareDoes: string;
  /** Over all rounds. */
  readonly perSecond: number;
  readonly barePerSecond: number;
  /** Median over rounds of oauth-ro ÷ bare within the round; and the rounds' range. */
  readonly ratio: number;
  readonly ratioRange: readonly [number, number];
  readonly perCpuSecond: number;
  readonly barePerCpuSecond: number;
  readonly cpuRatio: number;
  readonly cpuRatioRange: readonly [number, number];
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

/** (0) One class of failed login in the timing run. */
export interface TimingClass {
  readonly name: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Mean CPU of the server process (all threads) per login of this class. */
  readonly cpuMs: number;
  readonly statuses: Readonly<Record<string, number>>;
}

/** One class against a wrong password, three ways. */
export interface TimingRatios {
  /** The class compared with a wrong password. */
  readonly name: string;
  /** Median latency ÷ the wrong password's median latency: the figure the goal names. */
  readonly medians: number;
  /** Median, over rounds, of this class's latency ÷ the wrong password's in the same round. */
  readonly paired: number;
  /** Mean server CPU per login ÷ the wrong password's. */
  readonly cpu: number;
}

/** (0) Failed logins of each class, interleaved on one target; ratios of medians to a wrong password's. */
export interface TimingRow {
  readonly target: string;
  readonly samples: number;
  /** Wrong password first (the reference), then the others. */
  readonly classes: readonly TimingClass[];
  /** Every class but the reference, against a wrong password. */
  readonly ratios: readonly TimingRatios[];
}

/** (4) Memory of a server process under a flood of concurrent logins. */
export interface MemoryRow {
  readonly target: string;
  /** The hasher's queue limits when not the package default. */
  readonly hasherLimits?: { readonly concurrency: number; readonly maxQueued: number };
  readonly connections: number;
  readonly idleMiB: number;
  readonly peakMiB: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly timeouts: number;
  /** `GET /.well-known/jwks.json` polled during the flood: answered 200 / sent, and latencies. */
  readonly jwks: { readonly ok: number; readonly sent: number; readonly p50Ms: number; readonly maxMs: number };
  /** Whether every 503 answer carried `Retry-After` (undefined when there was none). */
  readonly retryAfterOn503?: boolean;
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

/** (7) Logins through Auth0 extensibility against a plain login, interleaved. */
export interface ExtensibilityRow {
  readonly target: string;
  readonly samples: number;
  /** The plain login first (the reference), then the others. */
  readonly classes: readonly TimingClass[];
  readonly ratios: readonly TimingRatios[];
}

/** (8) An MFA login against a password login plus one HMAC, interleaved in process. */
export interface MfaRow {
  readonly samples: number;
  readonly passwordMedianMs: number;
  readonly mfaMedianMs: number;
  readonly hmacMedianMs: number;
  /** Median over rounds of MFA ÷ (password + HMAC) in the same round: the judged figure. */
  readonly paired: number;
  readonly medians: number;
  readonly statuses: Readonly<Record<string, number>>;
}

/** Latencies of one polled endpoint (JWKS or `/userinfo`) in one phase of the overload run. */
export interface PollFigures {
  readonly sent: number;
  readonly ok: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** One open-loop phase of the overload run. */
export interface OverloadPhase {
  readonly offeredPerSecond: number;
  readonly sent: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** Answered (2xx) logins: latency from when each was due. */
  readonly okP50Ms: number;
  readonly okP99Ms: number;
  /** 503 answers, their median latency, by `error_description`, and whether each carried `Retry-After`. */
  readonly unavailable: number;
  readonly unavailableP50Ms: number;
  readonly unavailableBy: Readonly<Record<string, number>>;
  readonly retryAfterOn503?: boolean;
  readonly jwks: PollFigures;
  readonly userinfo: PollFigures;
}

/** (9) Open-loop logins at half and at twice the measured capacity, JWKS and `/userinfo` polled meanwhile. */
export interface OverloadRow {
  readonly target: string;
  /** Users the logins rotate over. */
  readonly users: number;
  /** Closed-loop logins per second, the reference of the offered rates. */
  readonly capacityPerSecond: number;
  readonly idle: { readonly jwks: PollFigures; readonly userinfo: PollFigures };
  readonly half: OverloadPhase;
  readonly double: OverloadPhase;
  /** Answered logins' median at 2× ÷ at 0.5×: the judged figure (goal ≤ 2). */
  readonly loginRatio: number;
  readonly idleMiB: number;
  readonly peakMiB: number;
}

/** One AD ÷ raw ratio three ways: median of per-round ratios (judged), their range, and of the pooled sums. */
export interface DirectoryRatio {
  readonly paired: number;
  readonly low: number;
  readonly high: number;
  readonly pooled: number;
}

/** (10) AD login and `/oauth/ro` against raw ldapts search + bind on Samba AD, at one concurrency. */
export interface DirectoryRow {
  readonly concurrency: number;
  readonly rounds: number;
  readonly phaseMs: number;
  /** Median over rounds of logins per second. */
  readonly perSecond: Readonly<Record<'raw' | 'ad' | 'oauth', number>>;
  /** CPU per login of the measuring process and of the Samba DC (ms), over all rounds. */
  readonly cpuMsPerLogin: Readonly<Record<'raw' | 'ad' | 'oauth', { readonly self: number; readonly samba: number }>>;
  readonly ad: { readonly throughput: DirectoryRatio; readonly perClientCpu: DirectoryRatio; readonly perTotalCpu: DirectoryRatio };
  readonly oauth: { readonly throughput: DirectoryRatio; readonly perClientCpu: DirectoryRatio; readonly perTotalCpu: DirectoryRatio };
}

/** How much CPU time the hypervisor stole while one section ran. */
export interface NoiseRow {
  readonly section: string;
  /** Of the time the CPUs wanted to run, the share stolen (0–1); undefined where `/proc/stat` could not be read. */
  readonly steal: number | undefined;
}

/** Everything one `pnpm bench` measured. */
export interface BenchResults {
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: string;
  readonly timing: TimingRow[];
  readonly login: LoginRow[];
  /** Set by the throughput section: the mean of its first and last raw run at the core count. */
  rawAtCores?: RawAtCores;
  readonly paths: PathRow[];
  readonly peer: PeerRow[];
  readonly latency: LatencyRow[];
  readonly memory: MemoryRow[];
  readonly stores: StoreRow[];
  readonly profiles: ProfileRow[];
  readonly extensibility: ExtensibilityRow[];
  readonly mfa: MfaRow[];
  /** (9) oidc-provider's token paths and Better Auth's sign-in, same run. */
  readonly peers: PeersResult[];
  /** (9) Table sizes, query plans, pruning and import, per store. */
  readonly scale: ScaleStoreResult[];
  readonly overload: OverloadRow[];
  /** Where the main thread of a target spent a 2× login flood (section 9). */
  readonly overloadProfiles: ProfileRow[];
  readonly directories: DirectoryRow[];
  readonly notes: string[];
  /** Hypervisor steal per section, in the order the sections ran. */
  readonly noise: NoiseRow[];
  /** Hypervisor steal over the whole run (same measure as {@link NoiseRow.steal}). */
  runSteal?: number;
}
