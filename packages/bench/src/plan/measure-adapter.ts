import { probe } from '../load/bench-request.js';
import type { ClosedLoopResult } from '../load/closed-loop.js';
import { fixedRate } from '../load/fixed-rate.js';
import { combineRuns, measuredRun, type MeasuredRun } from '../load/measured-run.js';
import { mean, pairedRatios } from '../load/paired-ratios.js';
import { procThreadCpu, type ThreadCpu } from '../load/proc-cpu.js';
import type { RawRate, RunningTarget } from '../load/spawn-target.js';
import { benchRequests } from './bench-requests.js';
import type { BenchSettings } from './bench-settings.js';
import type { LatencyRow, LoginRow, PathRow, PeerRow } from './results.js';

/**
 * Status codes other than 2xx, plus socket errors and timeouts, of one or more runs.
 *
 * @example notOk(a1, a2); // 0
 */
export function notOk(...runs: ClosedLoopResult[]): number {
  let count = 0;
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.statuses)) if (!code.startsWith('2')) count += n;
    count += run.errors + run.timeouts;
  }
  return count;
}

/** What {@link measureAdapter} needs besides the target. */
export interface AdapterContext {
  readonly name: string;
  readonly settings: BenchSettings;
  readonly rawArgon2: RunningTarget;
  /** Raw verify rates measured just before this target's login run. */
  readonly rawBefore: RawRate;
  readonly oidc: { readonly target: RunningTarget; readonly request: Parameters<typeof measuredRun>[1] };
  /** Only login and its latency (the standalone server has no bare routes). */
  readonly loginOnly?: boolean;
}

/** Rows one target contributes, and the raw verify rate measured last (the next target's "before"). */
export interface AdapterRows {
  readonly login: LoginRow;
  readonly paths: PathRow[];
  readonly peer?: PeerRow;
  readonly latency: LatencyRow[];
  readonly rawAfter: RawRate;
}

/**
 * Runs sections (1)–(4a) against one running target: rounds of logins, each bracketed by raw argon2
 * runs; rounds of each non-hashing path against its bare route; oidc-provider right after; then latency at a
 * fixed share of the lowest throughput just measured. Every run also reads the server's CPU time.
 *
 * @example const rows = await measureAdapter(target, ctx);
 */
export async function measureAdapter(target: RunningTarget, ctx: AdapterContext): Promise<AdapterRows> {
  const { settings: s } = ctx;
  const requests = benchRequests(target.url, target.fixtures!);
  const pairs = ctx.loginOnly ? [] : requests.paths;
  const run = (request: Parameters<typeof measuredRun>[1], connections: number, seconds: number, pid = target.pid) =>
    measuredRun(pid, request, { connections, seconds });
  await probe(requests.login);
  for (const pair of pairs) await Promise.all([probe(pair.request), probe(pair.bare)]);

  // (1) Rounds of logins then raw verifies: each login run is judged against the raw runs just
  // before and just after it, so the machine's drift (its speed changes by ±10 % within a minute
  // here) moves both sides of a round alike; the median round is judged.
  await run(requests.login, s.loginConnections, s.loginWarmupSeconds);
  const threadsBefore = procThreadCpu(target.pid);
  const logins: MeasuredRun[] = [];
  const raws: RawRate[] = [ctx.rawBefore];
  for (let round = 0; round < s.loginRounds; round++) {
    logins.push(await run(requests.login, s.loginConnections, s.loginRoundSeconds));
    raws.push(await ctx.rawArgon2.rawArgon2(s.loginConnections, s.loginRoundSeconds));
  }
  const threadsAfter = procThreadCpu(target.pid);
  const login = combineRuns(...logins);
  const loginOk = logins.reduce((n, r) => n + r.ok, 0);
  const msPerLogin = (kind: keyof ThreadCpu) => (loginOk > 0 ? ((threadsAfter[kind] - threadsBefore[kind]) * 1000) / loginOk : NaN);
  const bracket = (i: number, key: keyof RawRate) => (raws[i]![key] + raws[i + 1]![key]) / 2;
  const ratios = pairedRatios(logins.map((r, i) => r.okPerSecond / bracket(i, 'perSecond')));
  const cpuRatios = pairedRatios(logins.map((r, i) => r.okPerCpuSecond / bracket(i, 'perCpuSecond')));
  const rawAfter = raws[raws.length - 1]!;
  const loginRow: LoginRow = {
    target: ctx.name,
    loginPerSecond: login.okPerSecond,
    rawPerSecond: mean(raws.map((r) => r.perSecond)),
    ratio: ratios.median,
    ratioRange: ratios.range,
    loginPerCpuSecond: login.okPerCpuSecond,
    rawPerCpuSecond: mean(raws.map((r) => r.perCpuSecond)),
    cpuRatio: cpuRatios.median,
    cpuRatioRange: cpuRatios.range,
    notOk: notOk(...logins),
    cpuMsPerLogin: { main: msPerLogin('main'), hashing: msPerLogin('hashing'), other: msPerLogin('other') },
  };

  // (2) Rounds of the path and its bare route, in alternating order (A-B, B-A, …), one ratio a round.
  const paths: PathRow[] = [];
  const latencyRuns = [{ path: 'POST /oauth/ro (login)', request: requests.login, max: login.okPerSecond }];
  for (const pair of pairs) {
    await run(pair.request, s.pathConnections, s.warmupSeconds);
    await run(pair.bare, s.pathConnections, 1);
    const a: MeasuredRun[] = [];
    const b: MeasuredRun[] = [];
    const sides = [
      { request: pair.request, runs: a },
      { request: pair.bare, runs: b },
    ];
    for (let round = 0; round < s.pathRounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        side.runs.push(await run(side.request, s.pathConnections, s.pathRoundSeconds));
      }
    }
    const all = combineRuns(...a);
    const bare = combineRuns(...b);
    const ratio = pairedRatios(a.map((run, i) => run.okPerSecond / b[i]!.okPerSecond));
    const cpuRatio = pairedRatios(a.map((run, i) => run.okPerCpuSecond / b[i]!.okPerCpuSecond));
    paths.push({
      target: ctx.name,
      path: pair.name,
      bareDoes: pair.bareDoes,
      perSecond: all.okPerSecond,
      barePerSecond: bare.okPerSecond,
      ratio: ratio.median,
      ratioRange: ratio.range,
      perCpuSecond: all.okPerCpuSecond,
      barePerCpuSecond: bare.okPerCpuSecond,
      cpuRatio: cpuRatio.median,
      cpuRatioRange: cpuRatio.range,
      notOk: notOk(...a, ...b),
    });
    latencyRuns.push({ path: pair.name, request: pair.request, max: all.minOkPerSecond });
  }

  let peer: PeerRow | undefined;
  if (!ctx.loginOnly) {
    const oidc = await run(ctx.oidc.request, s.pathConnections, s.pathSeconds, ctx.oidc.target.pid);
    // The bare sign route (the delegation baseline) is the limit of any RS256-issuing endpoint.
    const sign = paths.find((p) => p.path === 'POST /delegation');
    const bare = sign ? { perSecond: sign.barePerSecond, perCpuSecond: sign.barePerCpuSecond } : undefined;
    peer = {
      target: ctx.name,
      perSecond: { ...Object.fromEntries(paths.map((p) => [p.path, p.perSecond])), ...(bare ? { 'bare RS256 sign': bare.perSecond } : {}) },
      perCpuSecond: {
        ...Object.fromEntries(paths.map((p) => [p.path, p.perCpuSecond])),
        ...(bare ? { 'bare RS256 sign': bare.perCpuSecond } : {}),
      },
      oidcPerSecond: oidc.okPerSecond,
      oidcPerCpuSecond: oidc.okPerCpuSecond,
    };
  }

  const latency: LatencyRow[] = [];
  for (const lr of latencyRuns) {
    const perSecond = Math.max(1, Math.round(lr.max * s.latencyLoadShare));
    const r = await fixedRate(lr.request, { perSecond, seconds: s.latencySeconds });
    latency.push({
      target: ctx.name,
      path: lr.path,
      offeredPerSecond: perSecond,
      share: s.latencyLoadShare,
      p50Ms: r.p50Ms,
      p99Ms: r.p99Ms,
      maxMs: r.maxMs,
      ok: r.ok,
      sent: r.sent,
    });
  }
  return { login: loginRow, paths, ...(peer ? { peer } : {}), latency, rawAfter };
}
