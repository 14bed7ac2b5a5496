import { bodyOf, type BenchRequest } from './bench-request.js';
import { percentileOf } from './interleaved-samples.js';
import { openLoop } from './open-loop.js';

/** What one open-loop run measured. Latencies count from when a request was due, not when it left. */
export interface FixedRateResult {
  readonly offeredPerSecond: number;
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Options of {@link fixedRate}. */
export interface FixedRateOptions {
  readonly perSecond: number;
  readonly seconds: number;
  /** Keep-alive sockets at most; requests beyond wait in the agent's queue (and the wait counts). */
  readonly maxSockets?: number;
  /** Give up on answers this long after the last request was due. */
  readonly drainSeconds?: number;
}

/**
 * Open-loop load at a fixed offered rate: request i is due at start + i/rate, whatever happened to
 * the earlier ones, so a slow answer cannot hide the queueing it causes (no coordinated omission,
 * unlike a closed loop's per-connection rate limit, which sends in bursts).
 *
 * @example const r = await fixedRate(request, { perSecond: 200, seconds: 5 }); // r.p99Ms
 */
export async function fixedRate(request: BenchRequest, options: FixedRateOptions): Promise<FixedRateResult> {
  const run = await openLoop((i) => ({ ...request, body: bodyOf(request, i) }), {
    perSecond: options.perSecond,
    seconds: options.seconds,
    maxSockets: options.maxSockets ?? 64,
    drainSeconds: options.drainSeconds ?? 10,
  });
  const ok = Object.entries(run.statuses).reduce((n, [code, count]) => (/^2\d\d$/.test(code) ? n + count : n), 0);
  return {
    offeredPerSecond: options.perSecond,
    sent: run.sent,
    ok,
    failed: run.sent - ok,
    p50Ms: percentileOf(run.latenciesMs, 50),
    p99Ms: percentileOf(run.latenciesMs, 99),
    maxMs: run.latenciesMs.at(-1) ?? NaN,
  };
}
