/** How long and how hard each measurement runs. Every figure in the report is a ratio of two of them. */
export interface BenchSettings {
  /** Seconds of load discarded before a measured run (JIT, connection setup, lazy imports). */
  readonly warmupSeconds: number;
  /**
   * Seconds of logins discarded before a measured login run on a fresh process. A login runs only
   * as often as its hash allows (about 150 a second here), so V8 takes 10–25 s of logins to
   * optimise the login path: a fresh Fastify target spent 1.2 ms of event loop a login in its first
   * 5 s and 0.7–0.8 ms from 10 s on, the standalone server 1.55 ms and about 1.0 ms after 25 s.
   * Short warm-ups measured part of the JIT's warm-up as login cost.
   */
  readonly loginWarmupSeconds: number;
  /** Closed-loop login runs outside section (1) (overload capacity, peers), and raw argon2 reference runs. */
  readonly loginSeconds: number;
  /** Section (1): rounds of one login run then one raw argon2 run, each login judged against the raw runs either side. */
  readonly loginRounds: number;
  /** Each run of a section (1) round. */
  readonly loginRoundSeconds: number;
  /** Each run of oidc-provider's and the stores' comparisons. */
  readonly pathSeconds: number;
  /** Section (2): rounds of one oauth-ro run and one bare run (order alternating), each round a ratio. */
  readonly pathRounds: number;
  /** Each run of a section (2) round. */
  readonly pathRoundSeconds: number;
  /** Fixed-rate latency runs. */
  readonly latencySeconds: number;
  /** The 1000-connection login flood of the memory runs. */
  readonly floodSeconds: number;
  /** Each profiled run. */
  readonly profileSeconds: number;
  /** In-flight logins (HTTP connections, or raw verifies). */
  readonly loginConnections: number;
  /** HTTP connections for non-hashing paths. */
  readonly pathConnections: number;
  readonly floodConnections: number;
  /** Failed logins of each class in the timing run (per adapter). */
  readonly timingSamples: number;
  /** Each open-loop phase of the overload run (half and twice the measured capacity), and its idle polling. */
  readonly overloadSeconds: number;
  /** Interleaved rounds of the directories run (raw ldapts, AD login, /oauth/ro each once per round). */
  readonly directoryRounds: number;
  /** Each contender's phase in one round, ms. */
  readonly directoryPhaseMs: number;
  /** Offered load of the latency runs, as a share of the lowest throughput measured for that path in the same run. */
  readonly latencyLoadShare: number;
}

/**
 * The settings for a full run (the whole `pnpm bench` takes about thirty-five minutes on 2 cores with
 * every section); `BENCH_SCALE` (e.g. `0.2` for a smoke run) scales every duration.
 *
 * @example const settings = benchSettings(Number(process.env.BENCH_SCALE ?? 1));
 */
export function benchSettings(scale = 1): BenchSettings {
  const s = (seconds: number, min = 1) => Math.max(min, Math.round(seconds * scale));
  return {
    warmupSeconds: s(2),
    loginWarmupSeconds: s(25, 2),
    loginSeconds: s(6, 2),
    loginRounds: Math.max(2, Math.round(6 * scale)),
    loginRoundSeconds: s(3),
    pathSeconds: s(2),
    pathRounds: Math.max(2, Math.round(10 * scale)),
    pathRoundSeconds: s(2),
    latencySeconds: s(3, 2),
    floodSeconds: s(6, 3),
    profileSeconds: s(3, 2),
    overloadSeconds: s(5, 2),
    directoryRounds: Math.max(4, Math.round(12 * scale)),
    directoryPhaseMs: Math.max(400, Math.round(1000 * scale)),
    loginConnections: 16,
    pathConnections: 16,
    floodConnections: 1000,
    timingSamples: Math.max(30, Math.round(200 * scale)),
    latencyLoadShare: 0.4,
  };
}
