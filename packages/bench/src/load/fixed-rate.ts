import { Agent, request as httpRequest } from 'node:http';
import { bodyOf, type BenchRequest } from './bench-request.js';
import { percentileOf } from './interleaved-samples.js';

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
  const url = new URL(request.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const total = Math.round(options.perSecond * options.seconds);
  const intervalMs = 1000 / options.perSecond;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let sent = 0;
  let settled = 0;
  const start = performance.now();

  const fire = (dueAt: number, body: string | undefined) =>
    new Promise<void>((resolve) => {
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: request.method, headers: request.headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - dueAt);
            if (res.statusCode !== undefined && res.statusCode < 300) ok += 1;
            else failed += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end(body);
    }).finally(() => {
      settled += 1;
    });

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        void fire(start + sent * intervalMs, bodyOf(request, sent));
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + sent * intervalMs - now)));
      else resolve();
    };
    tick();
  });
  const drainUntil = performance.now() + (options.drainSeconds ?? 10) * 1000;
  while (settled < sent && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 5));
  failed += sent - settled;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    offeredPerSecond: options.perSecond,
    sent,
    ok,
    failed,
    p50Ms: percentileOf(latencies, 50),
    p99Ms: percentileOf(latencies, 99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}
